import { asc, like } from 'drizzle-orm'
import { Api } from 'grammy'
import pino from 'pino'
import { parseConfig } from '../../bot/config.js'
import type { JobDeps } from '../../bot/context.js'
import type { Database } from '../../db/client.js'
import {
  events,
  eventSlots,
  eventViews,
  outbox,
  registrations,
  stations,
  users,
  type NewEvent,
  type RegistrationStatus,
} from '../../db/schema/index.js'
import { createFakeTelegram } from './fake-telegram.js'

let nextId = 1

/** Deps for a job run at a pinned clock; the API goes to a fake Telegram (jobs only queue). */
export function jobDeps(db: Database, now: Date | (() => Date), env: Record<string, string> = {}): JobDeps {
  return {
    config: parseConfig(env),
    db,
    logger: pino({ level: 'silent' }),
    now: typeof now === 'function' ? now : () => now,
    api: new Api('123456:TEST-token-for-the-fake-telegram-xyz', { fetch: createFakeTelegram().fetch }),
  }
}

export async function insertUser(
  db: Database,
  id: number,
  values: { locale?: string; languageCode?: string; blockedAt?: Date } = {},
): Promise<number> {
  await db.insert(users).values({ id, firstName: `Rider ${id}`, ...values })
  return id
}

export async function insertStation(db: Database, values: { name: string; address: string }): Promise<number> {
  const [row] = await db
    .insert(stations)
    .values({ externalId: `reminder-test-${nextId++}`, kind: '暖新驿站', lat: 31.2, lng: 121.4, ...values })
    .returning({ id: stations.id })
  if (row === undefined) throw new Error('station insert returned nothing')
  return row.id
}

/** A published event with sensible deadlines relative to its start; override anything. */
export async function insertEvent(db: Database, values: Partial<NewEvent> & { startsAt: Date }): Promise<number> {
  const start = values.startsAt.getTime()
  const [row] = await db
    .insert(events)
    .values({
      kind: 'meal',
      title: '爱心午餐',
      address: '幸福路 1 号',
      city: '上海',
      endsAt: new Date(start + 2 * 3_600_000),
      registrationClosesAt: new Date(start - 3_600_000),
      cancelClosesAt: new Date(start - 3 * 3_600_000),
      capacity: 10,
      status: 'published',
      createdBy: 1,
      ...values,
    })
    .returning({ id: events.id })
  if (row === undefined) throw new Error('event insert returned nothing')
  return row.id
}

export async function insertSlot(db: Database, eventId: number, startsAt: Date, minutes = 30): Promise<number> {
  const [row] = await db
    .insert(eventSlots)
    .values({ eventId, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), capacity: 5 })
    .returning({ id: eventSlots.id })
  if (row === undefined) throw new Error('slot insert returned nothing')
  return row.id
}

export async function insertRegistration(
  db: Database,
  values: { eventId: number; userId: number; status?: RegistrationStatus; slotId?: number; createdAt?: Date },
): Promise<number> {
  const [row] = await db
    .insert(registrations)
    .values({ status: 'confirmed', code: `R${String(nextId++).padStart(5, '0')}`, ...values })
    .returning({ id: registrations.id })
  if (row === undefined) throw new Error('registration insert returned nothing')
  return row.id
}

export async function insertView(db: Database, eventId: number, userId: number): Promise<void> {
  await db.insert(eventViews).values({ eventId, userId })
}

/** Outbox rows whose dedupe key starts with `prefix`, oldest first. */
export function queued(db: Database, prefix: string) {
  return db
    .select()
    .from(outbox)
    .where(like(outbox.dedupeKey, `${prefix}%`))
    .orderBy(asc(outbox.id))
}
