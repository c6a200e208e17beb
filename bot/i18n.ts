import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import type { BotContext } from './context.js'

export const locales = ['zh', 'en'] as const
export type Locale = (typeof locales)[number]

export const isLocale = (value: string | null | undefined): value is Locale =>
  value !== null && value !== undefined && (locales as readonly string[]).includes(value)

/** Chinese unless the user picked another language or their Telegram app is set to English. */
export function negotiateLocale(picked: string | null | undefined, telegramLanguage: string | undefined): Locale {
  if (isLocale(picked)) return picked
  return telegramLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh'
}

export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: 'zh',
    directory: fileURLToPath(new URL('./locales', import.meta.url)),
    useSession: false,
    // Fluent's bidi isolation marks would show up as stray characters in Telegram messages.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => negotiateLocale(ctx.user?.locale, ctx.from?.language_code),
  })
}
