import type { MessageEntity, Update } from 'grammy/types'
import type { Database } from '../../db/client.js'
import {
  events,
  organizerScopes,
  registrations,
  stations,
  stationUses,
  users,
  type RegistrationStatus,
  type UserRole,
} from '../../db/schema/index.js'

let nextCode = 1

/** A user row as trackUser would create it, with a role and optionally a last shared location. */
export async function addUser(
  db: Database,
  id: number,
  options: { role?: UserRole; at?: { lat: number; lng: number }; blocked?: boolean } = {},
): Promise<number> {
  await db.insert(users).values({
    id,
    firstName: `U${id}`,
    role: options.role ?? 'worker',
    lastLat: options.at?.lat ?? null,
    lastLng: options.at?.lng ?? null,
    blockedAt: options.blocked === true ? new Date() : null,
  })
  return id
}

export async function addScope(db: Database, userId: number, scope: { city?: string; stationId?: number }): Promise<void> {
  await db.insert(organizerScopes).values({ userId, city: scope.city ?? null, stationId: scope.stationId ?? null, createdBy: null })
}

export async function addStation(db: Database, station: { name: string; city: string; lat: number; lng: number }): Promise<number> {
  const [row] = await db
    .insert(stations)
    .values({ externalId: `bc-${station.name}-${nextCode++}`, kind: '暖新驿站', district: '测试区', ...station })
    .returning({ id: stations.id })
  if (row === undefined) throw new Error('station insert returned nothing')
  return row.id
}

export async function addStationUse(db: Database, userId: number, stationId: number): Promise<void> {
  await db.insert(stationUses).values({ userId, stationId })
}

export async function addEvent(
  db: Database,
  event: { title: string; city: string; stationId?: number; startsAt: Date; createdBy: number },
): Promise<number> {
  const endsAt = new Date(event.startsAt.getTime() + 3 * 3_600_000)
  const [row] = await db
    .insert(events)
    .values({
      kind: 'meal',
      title: event.title,
      city: event.city,
      stationId: event.stationId ?? null,
      startsAt: event.startsAt,
      endsAt,
      registrationClosesAt: event.startsAt,
      cancelClosesAt: event.startsAt,
      capacity: 50,
      status: 'published',
      createdBy: event.createdBy,
    })
    .returning({ id: events.id })
  if (row === undefined) throw new Error('event insert returned nothing')
  return row.id
}

export async function register(db: Database, eventId: number, userId: number, status: RegistrationStatus): Promise<void> {
  await db.insert(registrations).values({ eventId, userId, status, code: `BC${nextCode++}` })
}

/** A point `km` kilometres due north of `from` (one degree of latitude is ~111.2 km). */
export const north = (from: { lat: number; lng: number }, km: number) => ({ lat: from.lat + km / 111.195, lng: from.lng })

let nextUpdate = 5_000_000

/** A text message with formatting entities (bold, links…), as Telegram delivers it. */
export function formattedTextUpdate(from: { id: number }, text: string, entities: MessageEntity[]): Update {
  return {
    update_id: nextUpdate++,
    message: {
      message_id: nextUpdate,
      date: 0,
      chat: { id: from.id, type: 'private', first_name: 'O' },
      from: { id: from.id, is_bot: false, first_name: 'O' },
      text,
      entities,
    },
  }
}

/** A photo in three sizes with a formatted caption. */
export function captionedPhotoUpdate(from: { id: number }, caption: string, captionEntities: MessageEntity[]): Update {
  const size = (id: string, side: number) => ({ file_id: id, file_unique_id: `${id}-u`, width: side, height: side })
  return {
    update_id: nextUpdate++,
    message: {
      message_id: nextUpdate,
      date: 0,
      chat: { id: from.id, type: 'private', first_name: 'O' },
      from: { id: from.id, is_bot: false, first_name: 'O' },
      photo: [size('small', 90), size('large', 1280), size('medium', 320)],
      caption,
      caption_entities: captionEntities,
    },
  }
}
