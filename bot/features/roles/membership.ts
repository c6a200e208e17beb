import { assignUnownedTickets } from '../../../core/ticket-assignment.js'
import type { Database } from '../../../db/client.js'
import { releaseTickets } from '../../../db/repositories/feedback.js'
import { enqueueMessages } from '../../../db/repositories/outbox.js'
import { addScope, demoteToWorker, isAdmin, isOrganizer, setRole } from '../../../db/repositories/roles.js'
import { findUser } from '../../../db/repositories/users.js'
import type { User } from '../../../db/schema/index.js'
import type { BotDeps } from '../../context.js'
import { translatorFor, userLocale, type Translate } from '../../i18n.js'
import { ticketNotices } from '../../ui/feedback-notices.js'
import { mainKeyboardMarkup } from '../../ui/main-keyboard.js'
import { scopeLabel } from './format.js'

const recipientT = (user: User): Translate => translatorFor(userLocale(user))

/** A notice about the user's own role, with the main keyboard that role gets (🧰 工作台 or not). */
const notice = (user: User, kind: string, text: string, role: User['role']) => ({
  userId: user.id,
  kind,
  payload: {
    method: 'sendMessage' as const,
    parseMode: 'HTML' as const,
    text,
    replyMarkup: mainKeyboardMarkup(recipientT(user), { role }),
  },
})

export type AppointResult =
  { kind: 'unknown-user' } | { kind: 'is-admin'; user: User } | { kind: 'appointed' | 'scope-added' | 'already'; user: User }

/**
 * Makes a user an organizer (recorded as a 'command' role change by `admin`) and adds the city
 * scope if one is given; the user is told through the outbox, in the same transaction.
 */
export async function appointOrganizer(
  db: Database,
  admin: User,
  userId: number,
  city: string | undefined,
  now: Date,
): Promise<AppointResult> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx, userId)
    if (user === undefined) return { kind: 'unknown-user' }
    if (isAdmin(user)) return { kind: 'is-admin', user }
    const appointed = await setRole(tx, { userId, role: 'organizer', changedBy: admin.id, via: 'command' })
    if (city !== undefined) await addScope(tx, { userId, city, createdBy: admin.id })
    const t = recipientT(user)
    if (appointed) {
      const scope = scopeLabel(t, city === undefined ? undefined : { city, stationId: null })
      await enqueueMessages(tx, [notice(user, 'role-appointed', t('roles-notice-appointed', { scope }), 'organizer')])
      await assignUnownedTickets(tx, ticketNotices, now)
    } else if (city !== undefined) {
      await enqueueMessages(tx, [
        notice(user, 'role-scope-added', t('roles-notice-scope-added', { scope: scopeLabel(t, { city, stationId: null }) }), user.role),
      ])
    }
    return { kind: appointed ? 'appointed' : city === undefined ? 'already' : 'scope-added', user }
  })
}

export type DemoteResult = { kind: 'unknown-user' } | { kind: 'not-organizer' | 'config-admin' | 'demoted'; user: User }

/** Organizer (or an admin no longer listed in ADMIN_IDS) → worker, scopes dropped, user told. */
export async function demoteOrganizer(deps: BotDeps, admin: User, userId: number): Promise<DemoteResult> {
  return deps.db.transaction(async (tx) => {
    const user = await findUser(tx, userId)
    if (user === undefined) return { kind: 'unknown-user' }
    if (deps.config.adminIds.has(userId)) return { kind: 'config-admin', user }
    if (!isOrganizer(user)) return { kind: 'not-organizer', user }
    const demoted = await demoteToWorker(tx, { userId, changedBy: admin.id, via: 'command' })
    if (!demoted) return { kind: 'not-organizer', user }
    // Their open 我有话说 tickets must not be left with someone who can no longer answer them.
    if ((await releaseTickets(tx, userId, deps.now())) > 0) await assignUnownedTickets(tx, ticketNotices, deps.now())
    await enqueueMessages(tx, [notice(user, 'role-demoted', recipientT(user)('roles-notice-demoted'), 'worker')])
    return { kind: 'demoted', user }
  })
}
