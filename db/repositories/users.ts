import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.js'
import { users, type User } from '../schema/index.js'

export type SeenUser = {
  id: number
  languageCode: string | undefined
  isAdmin: boolean
  firstName?: string
  username?: string | undefined
}

/**
 * Records that a user was seen (first and last seen), and that they are reachable again if they had
 * blocked the bot. Ids listed in ADMIN_IDS become admins; nobody is demoted here.
 */
export async function touchUser(db: Database, seen: SeenUser): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({
      id: seen.id,
      languageCode: seen.languageCode ?? null,
      firstName: seen.firstName ?? '',
      username: seen.username ?? null,
      role: seen.isAdmin ? 'admin' : 'worker',
    })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        lastSeenAt: sql`now()`,
        languageCode: sql`excluded.language_code`,
        firstName: sql`excluded.first_name`,
        username: sql`excluded.username`,
        blockedAt: null,
        ...(seen.isAdmin ? { role: 'admin' as const } : {}),
      },
    })
    .returning()
  if (user === undefined) throw new Error(`upsert of user ${seen.id} returned nothing`)
  return user
}

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
  await db.update(users).set({ blockedAt: sql`now()` }).where(eq(users.id, id))
}
