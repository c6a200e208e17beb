import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import type { BotContext } from './context.js'

export const locales = ['zh', 'en'] as const
export type Locale = (typeof locales)[number]

const isLocale = (value: string | null | undefined): value is Locale =>
  value !== null && value !== undefined && (locales as readonly string[]).includes(value)

/** Chinese unless the user picked another language or their Telegram app is set to English. */
export function negotiateLocale(picked: string | null | undefined, telegramLanguage: string | null | undefined): Locale {
  if (isLocale(picked)) return picked
  return telegramLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh'
}

/** The language to write to a stored user in (outbox notices, reminders, broadcasts' chrome). */
export const userLocale = (user: { locale: string | null; languageCode: string | null }): Locale =>
  negotiateLocale(user.locale, user.languageCode)

/** Locale files: `locales/<locale>/<feature>.ftl`, Chinese first. */
export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: 'zh',
    directory: fileURLToPath(new URL('./locales', import.meta.url)),
    useSession: false,
    // Fluent's bidi isolation marks would show up as stray characters in Telegram messages.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => negotiateLocale(ctx.user?.locale, ctx.from?.language_code),
  })
  rememberBundleMatches(i18n)
  return i18n
}

/**
 * The plugin negotiates languages (parsing every locale tag) on each ctx.t call, a dozen times
 * for one list; the bundles are loaded once, so each locale's match is worked out once.
 */
function rememberBundleMatches(i18n: I18n<BotContext>) {
  // matchBundles is private in the plugin's types but a plain method at run time; were it gone,
  // bind would throw and no bot would start, so this cannot fail silently.
  const fluent = i18n.fluent as unknown as { matchBundles: (locales: string[]) => Set<unknown> }
  const match = fluent.matchBundles.bind(fluent)
  const matches = new Map<string, Set<unknown>>()
  fluent.matchBundles = (wanted) => {
    const key = wanted.join(',')
    let found = matches.get(key)
    if (found === undefined) {
      found = match(wanted)
      // Locale tags come from negotiateLocale (zh, en); the bound only guards against surprises.
      if (matches.size < 100) matches.set(key, found)
    }
    return found
  }
}

/** The shape of ctx.t, so formatting code serves the sender of an update and a queued recipient alike. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string

let shared: I18n<BotContext> | undefined

/**
 * Text for someone who is not the sender of the current update (a notice queued for another
 * worker, a job's message): `translate(userLocale(user), 'key', { … })`.
 */
export function translate(locale: Locale, key: string, variables?: Record<string, string | number | Date>): string {
  shared ??= createI18n()
  return shared.t(locale, key, variables as never)
}

/** `translate` bound to one locale: the `t` for text queued for someone else. */
export const translatorFor =
  (locale: Locale): Translate =>
  (key, variables) =>
    translate(locale, key, variables)
