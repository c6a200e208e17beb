import type { Database } from '../../../db/client.js'
import { eventPlace, listEventChoices, listStationCities } from '../../../db/repositories/broadcast-audience.js'
import { canManage, isAdmin, isOrganizer, listScopes } from '../../../db/repositories/roles.js'
import { searchStations } from '../../../db/repositories/station-search.js'
import { findStation, type StationRecord } from '../../../db/repositories/stations.js'
import type { Broadcast, BroadcastAudience, User } from '../../../db/schema/index.js'
import { shanghaiDate } from '../../../domain/time.js'

/** Recent events stay listed this long after they ended (a thank-you note, a follow-up). */
const EVENT_LOOKBACK_MS = 14 * 86_400_000
const EVENT_CHOICES = 10

/**
 * Whether `user` may send to `audience`: everyone only for admins, the rest within the organizer's
 * scope. Checked when the audience is picked and again when the broadcast is confirmed.
 */
export async function mayAddress(db: Database, user: User | undefined, audience: BroadcastAudience): Promise<boolean> {
  if (!isOrganizer(user)) return false
  switch (audience.type) {
    case 'everyone':
      return isAdmin(user)
    case 'city':
      return canManage(db, user, { city: audience.city, stationId: null })
    case 'near_station': {
      const station = await findStation(db, audience.stationId)
      return station !== undefined && canManage(db, user, { city: station.city, stationId: station.id })
    }
    case 'event': {
      const place = await eventPlace(db, audience.eventId)
      return place !== undefined && canManage(db, user, place)
    }
  }
}

/** Only the organizer who started a broadcast, or an admin, may pause, resume or cancel it. */
export const mayControl = (user: User | undefined, broadcast: Broadcast): boolean =>
  isOrganizer(user) && (isAdmin(user) || broadcast.createdBy === user?.id)

/** Buttons for the events the organizer manages; plain values, since conversations store them as JSON. */
export async function eventChoices(db: Database, user: User, now: Date): Promise<{ id: number; label: string; title: string }[]> {
  const events = await listEventChoices(db, new Date(now.getTime() - EVENT_LOOKBACK_MS), 100)
  const mine: { id: number; label: string; title: string }[] = []
  for (const event of events) {
    if (mine.length >= EVENT_CHOICES) break
    if (await canManage(db, user, { city: event.city, stationId: event.stationId })) {
      mine.push({ id: event.id, title: event.title, label: `${shanghaiDate(event.startsAt).slice(5)} ${event.title}` })
    }
  }
  return mine
}

export async function cityChoices(db: Database, user: User): Promise<string[]> {
  const cities = await listStationCities(db)
  // Admins and organizers without a scope manage every city: no per-city check needed.
  if (isAdmin(user) || (await listScopes(db, user.id)).length === 0) return cities
  const mine: string[] = []
  for (const city of cities) if (await canManage(db, user, { city, stationId: null })) mine.push(city)
  return mine
}

export async function stationChoices(db: Database, user: User, query: string): Promise<StationRecord[]> {
  const found = await searchStations(db, query, 5)
  const mine: StationRecord[] = []
  for (const station of found) if (await canManage(db, user, { city: station.city, stationId: station.id })) mine.push(station)
  return mine
}
