import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStation, listStationChanges } from '../../../db/repositories/station-changes.js'
import { addHoursException, deleteHoursException, listUpcomingHoursExceptions } from '../../../db/repositories/station-hours-exceptions.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'

let handle: TestDatabase
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle.close())

const organizer = { actorId: 7, source: 'organizer' as const }

describe('holiday hours', () => {
  it('are added without overlapping, listed while upcoming, deleted, and every step is in the history', async () => {
    const { db } = handle
    const station = await createStation(db, { name: '春节驿站', kind: 'union', lat: 30.6, lng: 104.0 }, organizer)
    const spring = await addHoursException(
      db,
      { stationId: station.id, startsOn: '2027-02-05', endsOn: '2027-02-11', openingHours: 'Mo-Su 10:00-16:00' },
      organizer,
    )
    expect(spring.kind).toBe('added')
    const overlapping = await addHoursException(
      db,
      { stationId: station.id, startsOn: '2027-02-11', endsOn: '2027-02-12', openingHours: '' },
      organizer,
    )
    expect(overlapping).toMatchObject({ kind: 'overlaps', existing: { startsOn: '2027-02-05' } })
    const closedDay = await addHoursException(
      db,
      { stationId: station.id, startsOn: '2027-02-12', endsOn: '2027-02-12', openingHours: '' },
      organizer,
    )
    expect(closedDay.kind).toBe('added')
    const past = await addHoursException(
      db,
      { stationId: station.id, startsOn: '2026-10-01', endsOn: '2026-10-07', openingHours: '' },
      organizer,
    )
    expect(past.kind).toBe('added')
    expect(
      await addHoursException(db, { stationId: 999_999, startsOn: '2027-01-01', endsOn: '2027-01-01', openingHours: '' }, organizer),
    ).toEqual({
      kind: 'not-found',
    })

    const upcoming = await listUpcomingHoursExceptions(db, station.id, '2026-12-05')
    expect(upcoming.map((row) => [row.startsOn, row.endsOn, row.openingHours])).toEqual([
      ['2027-02-05', '2027-02-11', 'Mo-Su 10:00-16:00'],
      ['2027-02-12', '2027-02-12', ''],
    ])

    if (spring.kind !== 'added') throw new Error(spring.kind)
    expect(await deleteHoursException(db, station.id + 1, spring.exception.id, organizer)).toBe(false)
    expect(await deleteHoursException(db, station.id, spring.exception.id, organizer)).toBe(true)
    expect(await deleteHoursException(db, station.id, spring.exception.id, organizer)).toBe(false)

    const history = await listStationChanges(db, station.id, 10)
    expect(history[0]!.fields).toEqual({ 'holiday:2027-02-05..2027-02-11': { from: 'Mo-Su 10:00-16:00', to: null } })
    expect(history.some((change) => 'holiday:2027-02-12..2027-02-12' in change.fields)).toBe(true)
  })
})
