import type { Update } from 'grammy/types'
import type { Database } from '../../db/client.js'
import { events, eventSlots, type Event, type EventSlot, type NewEvent } from '../../db/schema/index.js'
import type { Sender } from './updates.js'

const HOUR = 3_600_000

/**
 * Inserts a published event directly. Defaults: a meal in Chengdu 10 days after `base`
 * (default 2026-12-05 09:00–11:30 Shanghai), 70 seats, registration open now, nothing asked.
 */
export async function createTestEvent(db: Database, overrides: Partial<NewEvent> = {}): Promise<Event> {
  const startsAt = overrides.startsAt ?? new Date('2026-12-05T01:00:00Z')
  const [event] = await db
    .insert(events)
    .values({
      kind: 'meal',
      title: '暖心午餐会',
      description: '免费热饭，一人一份。',
      address: '青羊区测试路 1 号',
      city: '成都',
      lat: 30.66,
      lng: 104.06,
      endsAt: new Date(startsAt.getTime() + 2.5 * HOUR),
      registrationClosesAt: new Date(startsAt.getTime() - 2 * HOUR),
      cancelClosesAt: new Date(startsAt.getTime() - 24 * HOUR),
      capacity: 70,
      status: 'published',
      createdBy: 1,
      publishedAt: new Date('2026-11-01T00:00:00Z'),
      ...overrides,
      startsAt,
    })
    .returning()
  if (event === undefined) throw new Error('event insert returned nothing')
  return event
}

/** Adds time slots to an event (and sets the event's capacity to their sum). */
export async function createTestSlots(
  db: Database,
  event: Event,
  slots: readonly { startsAt: Date; endsAt: Date; capacity: number }[],
): Promise<EventSlot[]> {
  return db
    .insert(eventSlots)
    .values(slots.map((slot) => ({ eventId: event.id, ...slot })))
    .returning()
}

let nextUpdateId = 900_000
let nextMessageId = 900_000

/** A contact message, as Telegram sends it after a request_contact button (user_id = the sharer's). */
export function contactUpdate(from: Sender, contact: { phone_number: string; user_id?: number; first_name?: string }): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private' },
      from: { is_bot: false, first_name: 'Rider', ...from },
      contact: { first_name: from.first_name ?? 'Rider', ...contact },
    },
  } as Update
}
