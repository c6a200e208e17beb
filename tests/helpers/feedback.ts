import { eq } from 'drizzle-orm'
import type { Update } from 'grammy/types'
import type { Database } from '../../db/client.js'
import { addScope } from '../../db/repositories/roles.js'
import { upsertStations } from '../../db/repositories/stations.js'
import { feedbackTickets, outbox, stations, users, type NewStation, type UserRole } from '../../db/schema/index.js'
import { photoUpdate, type Sender } from './updates.js'

/** A photo with a caption (the shared photoUpdate has none). */
export function captionedPhotoUpdate(from: Sender, caption: string): Update {
  const update = photoUpdate(from)
  return { ...update, message: { ...update.message, caption } } as Update
}

const station = (id: string, city: string, lat: number, lng: number): NewStation => ({
  externalId: `fb-${id}`,
  name: `${city}测试驿站${id}`,
  kind: 'union',
  address: `${city}测试路 ${id} 号`,
  city,
  district: '测试区',
  lat,
  lng,
  amenities: ['hot_water'],
  openingHours: '24/7',
})

/** Two stations in 成都 and one in 西安, returned by external id letter. */
export async function seedStations(db: Database): Promise<Record<'A' | 'B' | 'X', number>> {
  await upsertStations(db, [station('A', '成都', 30.65, 104.06), station('B', '成都', 30.66, 104.07), station('X', '西安', 34.26, 108.94)])
  const rows = await db.select({ id: stations.id, externalId: stations.externalId }).from(stations)
  const id = (letter: string) => rows.find((row) => row.externalId === `fb-${letter}`)?.id ?? 0
  return { A: id('A'), B: id('B'), X: id('X') }
}

export async function addUser(db: Database, user: { id: number; firstName: string; username?: string; role?: UserRole }) {
  await db
    .insert(users)
    .values({ id: user.id, firstName: user.firstName, username: user.username ?? null, role: user.role ?? 'worker' })
    .onConflictDoUpdate({ target: users.id, set: { role: user.role ?? 'worker' } })
}

export const ticketsOf = (db: Database, userId: number) =>
  db.select().from(feedbackTickets).where(eq(feedbackTickets.userId, userId)).orderBy(feedbackTickets.id)

export const outboxFor = (db: Database, userId: number) => db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.id)

/** Stations A and B (成都) and X (西安), and an organizer responsible for 成都: where most feedback tests start. */
export async function seedChengduOrganizer(
  db: Database,
  organizer: { id: number; first_name: string },
): Promise<Record<'A' | 'B' | 'X', number>> {
  const ids = await seedStations(db)
  await addUser(db, { id: organizer.id, firstName: organizer.first_name, role: 'organizer' })
  await addScope(db, { userId: organizer.id, city: '成都', createdBy: null })
  return ids
}
