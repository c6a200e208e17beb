import type { User } from '../../../db/schema/index.js'
import type { Translate } from '../../i18n.js'
import { escapeHtml } from '../../ui/html.js'

export type ScopeLike = { city: string | null; stationId: number | null; stationName?: string | null }

/**
 * A scope for people: a city, a station by name, or "everywhere" when there is none. HTML-escaped
 * unless `html` is false (button labels are plain text).
 */
export function scopeLabel(t: Translate, scope: ScopeLike | undefined, html = true): string {
  const escape = html ? escapeHtml : (text: string) => text
  if (scope === undefined || (scope.city === null && scope.stationId === null)) return t('roles-scope-any')
  if (scope.stationId !== null) return t('roles-scope-station', { name: escape(scope.stationName ?? `#${scope.stationId}`) })
  return escape(scope.city ?? '')
}

export function scopesLabel(t: Translate, scopes: readonly ScopeLike[]): string {
  return scopes.length === 0 ? t('roles-scope-any') : scopes.map((scope) => scopeLabel(t, scope)).join('、')
}

/** "王师傅 @wang (12345)", HTML-escaped: admins need the id for /appoint and /demote. */
export function memberName(user: Pick<User, 'id' | 'firstName' | 'username'>): string {
  const name = user.firstName.trim() === '' ? String(user.id) : user.firstName
  const username = user.username === null ? '' : ` @${user.username}`
  return escapeHtml(`${name}${username} (${user.id})`)
}

/** A name short enough for a button label (no id, no HTML: buttons are plain text). */
export function buttonName(user: Pick<User, 'id' | 'firstName'>): string {
  const name = user.firstName.trim() === '' ? String(user.id) : user.firstName.trim()
  return name.length > 12 ? `${name.slice(0, 11)}…` : name
}
