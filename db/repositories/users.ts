import { eq, getTableColumns, sql, type Placeholder } from 'drizzle-orm'
import type { Database } from '../client.js'
import { preparedStatement } from '../prepared.js'
import { conversationStates, roleChanges, users, type User, type UserRole } from '../schema/index.js'

export type SeenUser = {
  id: number
  languageCode: string | undefined
  isAdmin: boolean
  firstName?: string
  username?: string | undefined
}

/**
 * Records that a user was seen (first and last seen), and that they are reachable again if they had
 * blocked the bot. Ids listed in ADMIN_IDS become admins, and that promotion is written to
 * role_changes (via 'config') once, when the role actually changes; nobody is demoted here.
 *
 * For admins the upsert also returns the role from before the statement (a subquery in RETURNING
 * sees the snapshot taken before the statement's own write), so the common case of nothing
 * changing stays one round trip.
 */
export async function touchUser(db: Database, seen: SeenUser): Promise<User> {
  return (await recordUser(db, seen)).user
}

/** touchUser, also saying whether this call made the user an admin (their first message as one). */
export async function recordUser(
  db: Database,
  seen: SeenUser,
  /** The key of the chat's stored conversation state, to read it in the same round trip. */
  conversationKey?: string,
): Promise<{ user: User; promoted: boolean; conversation?: { key: string; state: unknown } }> {
  const values = {
    id: seen.id,
    languageCode: seen.languageCode ?? null,
    firstName: seen.firstName ?? '',
    username: seen.username ?? null,
  }
  if (!seen.isAdmin) {
    // Every update of every worker runs this: a prepared statement, which also reads the chat's
    // conversation state (the conversations plugin's next read) instead of a second round trip.
    const [row] = await recordWorker(db).execute({ ...values, conversationKey: conversationKey ?? null })
    if (row === undefined) throw new Error(`upsert of user ${seen.id} returned nothing`)
    const { conversationState, ...user } = row
    return {
      user,
      promoted: false,
      ...(conversationKey === undefined ? {} : { conversation: { key: conversationKey, state: conversationState ?? undefined } }),
    }
  }
  const [row] = await upsertSeen(db, { ...values, role: 'admin' }, true).returning({
    ...getTableColumns(users),
    previousRole: sql<UserRole | null>`(select previous.role from ${users} as previous where previous.id = ${seen.id})`,
  })
  if (row === undefined) throw new Error(`upsert of user ${seen.id} returned nothing`)
  const { previousRole, ...user } = row
  const promoted = previousRole !== 'admin'
  if (promoted) {
    await db.insert(roleChanges).values({ userId: user.id, fromRole: previousRole, toRole: 'admin', changedBy: null, via: 'config' })
  }
  return { user, promoted }
}

type SeenValues = {
  [K in 'id' | 'languageCode' | 'firstName' | 'username' | 'role']: (typeof users.$inferInsert)[K] | Placeholder
}

/** The upsert of a seen user; an admin's also makes them admin, nobody is demoted here. */
const upsertSeen = (db: Database, values: SeenValues, isAdmin: boolean) =>
  db
    .insert(users)
    .values(values)
    .onConflictDoUpdate({
      target: users.id,
      set: {
        lastSeenAt: sql`now()`,
        languageCode: sql`excluded.language_code`,
        firstName: sql`excluded.first_name`,
        username: sql`excluded.username`,
        blockedAt: null,
        ...(isAdmin ? { role: 'admin' as const } : {}),
      },
    })

const recordWorker = preparedStatement((db) =>
  upsertSeen(
    db,
    {
      id: sql.placeholder('id'),
      languageCode: sql.placeholder('languageCode'),
      firstName: sql.placeholder('firstName'),
      username: sql.placeholder('username'),
      role: 'worker',
    },
    false,
  )
    .returning({
      ...getTableColumns(users),
      conversationState:
        sql`(select ${conversationStates.state} from ${conversationStates} where ${conversationStates.key} = ${sql.placeholder('conversationKey')})`.mapWith(
          conversationStates.state,
        ),
    })
    .prepare('record_worker'),
)

export async function findUser(db: Database, id: number): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id))
  return user
}

/** Remembers where a worker last shared their location (later: "workers near a station" broadcasts). */
export async function setUserLocation(db: Database, id: number, point: { lat: number; lng: number }): Promise<void> {
  await db
    .update(users)
    .set({ lastLat: point.lat, lastLng: point.lng, lastLocatedAt: sql`now()` })
    .where(eq(users.id, id))
}

export async function setUserLocale(db: Database, id: number, locale: string | null): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, id))
}

export async function markUserBlocked(db: Database, id: number): Promise<void> {
  await db
    .update(users)
    .set({ blockedAt: sql`now()` })
    .where(eq(users.id, id))
}
