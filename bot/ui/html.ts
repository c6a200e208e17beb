import type { Translate } from '../i18n.js'

/** Escapes text for Telegram's HTML parse mode. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

declare const markupBrand: unique symbol

/** HTML that is already safe (built by tHtml or another formatter), to pass through tHtml as it is. */
export type Markup = { readonly html: string; readonly [markupBrand]: true }

/** Marks `html` as markup: tHtml puts it in unescaped. Only for text built from escaped parts. */
export const markup = (html: string): Markup => ({ html }) as Markup

export type HtmlVariables = Record<string, string | number | Markup>

const isMarkup = (value: string | number | Markup): value is Markup => typeof value === 'object'

/**
 * Locale text for parse_mode HTML: every string variable is escaped (titles, names, typed text),
 * numbers go in as numbers (Fluent formats and selects on them), and only what is wrapped in
 * `markup(...)` goes in as it is. The locale's own tags (<b>, <code>) stay tags.
 */
export function tHtml(t: Translate, key: string, variables: HtmlVariables = {}): string {
  const escaped: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(variables)) {
    escaped[name] = isMarkup(value) ? value.html : typeof value === 'string' ? escapeHtml(value) : value
  }
  return t(key, escaped)
}
