import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMerchantInvite,
  findMerchantInvite,
  isMerchantOf,
  merchantStations,
  redeemMerchantInvite,
} from '../../../db/repositories/merchants.js'
import { createStation, updateStation } from '../../../db/repositories/station-changes.js'
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js'
import { addUser } from '../../helpers/feedback.js'

let handle: TestDatabase
beforeAll(async () => {
  handle = await createTestDatabase()
  for (const id of [1, 2, 3]) await addUser(handle.db, { id, firstName: `用户${id}` })
})
afterAll(() => handle.close())

const now = new Date('2026-12-05T04:00:00Z')
const inAWeek = new Date(now.getTime() + 7 * 86_400_000)

describe('merchant invites', () => {
  it('are single-use: the first person becomes a merchant of the station, a second use gets nothing', async () => {
    const { db } = handle
    const station = await createStation(
      db,
      { name: '尚华路茶铺', kind: 'merchant', lat: 30.66, lng: 104.07 },
      { actorId: 1, source: 'organizer' },
    )
    const invite = await createMerchantInvite(db, { stationId: station.id, createdBy: 1, expiresAt: inAWeek })
    expect(invite.code).toMatch(/^[A-Za-z0-9_-]{12}$/)

    expect(await isMerchantOf(db, 2, station.id)).toBe(false)
    const used = await redeemMerchantInvite(db, invite.code, 2, now)
    expect(used?.stationId).toBe(station.id)
    expect(await isMerchantOf(db, 2, station.id)).toBe(true)
    expect((await merchantStations(db, 2)).map((row) => row.name)).toEqual(['尚华路茶铺'])

    expect(await redeemMerchantInvite(db, invite.code, 3, now)).toBeUndefined()
    expect(await isMerchantOf(db, 3, station.id)).toBe(false)
    expect(await findMerchantInvite(db, invite.code)).toMatchObject({ usedBy: 2 })
  })

  it('expire, and a deactivated station is no longer among the merchant’s stations', async () => {
    const { db } = handle
    const station = await createStation(db, { name: '清凉点', kind: 'cooling', lat: 30.6, lng: 104.0 }, { actorId: 1, source: 'organizer' })
    const invite = await createMerchantInvite(db, { stationId: station.id, createdBy: 1, expiresAt: inAWeek })
    expect(await redeemMerchantInvite(db, invite.code, 3, new Date(inAWeek.getTime() + 1))).toBeUndefined()
    expect(await redeemMerchantInvite(db, 'no-such-code', 3, now)).toBeUndefined()

    const fresh = await createMerchantInvite(db, { stationId: station.id, createdBy: 1, expiresAt: inAWeek })
    await redeemMerchantInvite(db, fresh.code, 3, now)
    expect(await merchantStations(db, 3)).toHaveLength(1)
    await updateStation(db, station.id, { active: false }, { actorId: 1, source: 'organizer' })
    expect(await merchantStations(db, 3)).toHaveLength(0)
  })
})
