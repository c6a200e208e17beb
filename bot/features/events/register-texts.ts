import type { SavedProfile } from '../../../db/repositories/event-listing.js'
import type { EventAskField } from '../../../db/schema/index.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml } from '../../ui/html.js'

/** "138****5678": enough to recognise one's own number, not enough to read it off a shared screen. */
function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  const local = digits.length > 11 && digits.startsWith('86') ? digits.slice(2) : digits
  return local.length < 7 ? '****' : `${local.slice(0, 3)}****${local.slice(-4)}`
}

/** Every item the form will ask, as the consent screen lists it: the fields, then each question. */
export function consentText(t: Translate, asks: readonly EventAskField[], questions: readonly string[], sensitiveCount: number): string {
  const separator = t('events-list-separator')
  const fields = asks.map((field) => t(`events-field-${field}`)).join(separator)
  const asked = questions.map((question) => `「${escapeHtml(question)}」`).join(separator)
  return t('events-ask-consent', {
    fields: fields === '' ? 'none' : fields,
    questions: asked === '' ? 'none' : asked,
    sensitive: sensitiveCount,
  })
}

export function sensitiveConsentText(t: Translate, questions: readonly string[]): string {
  return t('events-ask-sensitive-consent', {
    questions: questions.map((question) => `「${escapeHtml(question)}」`).join(t('events-list-separator')),
  })
}

/** The saved answers in one line ("李明 · 138****5678 · 外卖骑手 · 美团") when they cover every field asked. */
export function savedSummary(saved: SavedProfile | undefined, asks: readonly EventAskField[]): string | undefined {
  if (saved === undefined || asks.length === 0) return undefined
  const parts: string[] = []
  for (const field of asks) {
    const value = saved[field]
    if (value === null || value === '') return undefined
    parts.push(field === 'phone' ? maskPhone(value) : value)
  }
  return escapeHtml(parts.join(' · '))
}
