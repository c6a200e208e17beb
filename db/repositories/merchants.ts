import { randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import {
  merchantInvites,
  stationRecordColumns as stationColumns,
  stationMerchants,
  stations,
  type MerchantInvite,
} from '../schema/index.js'
import type { StationRecord } from './stations.js'

type Executor = Pick<Database, 'select' | 'insert' | 'update'>

/** A single-use merchant invite code (URL-safe, fits a /start payload) for one station, valid until `expiresAt`. */
export async function createMerchantInvite(
  db: Database,
  invite: { stationId: number; createdBy: number; expiresAt: Date },
): Promise<MerchantInvite> {
  const [row] = await db
    .insert(merchantInvites)
    .values({ code: randomBytes(9).toString('base64url'), ...invite })
    .returning()
  if (row === undefined) throw new Error('insert of a merchant invite returned nothing')
  return row
}

export async function findMerchantInvite(db: Database, code: string): Promise<MerchantInvite | undefined> {
  const [invite] = await db.select().from(merchantInvites).where(eq(merchantInvites.code, code))
  return invite
}

/**
 * Uses a merchant invite: marks it used by `userId` (once, atomically, only before it expires)
 * and makes them a merchant of its station. Undefined when the code is unknown, used or expired.
 */
export async function redeemMerchantInvite(tx: Executor, code: string, userId: number, now: Date): Promise<MerchantInvite | undefined> {
  const [invite] = await tx
    .update(merchantInvites)
    .set({ usedBy: userId, usedAt: now })
    .where(and(eq(merchantInvites.code, code), isNull(merchantInvites.usedBy), gt(merchantInvites.expiresAt, now)))
    .returning()
  if (invite === undefined) return undefined
  await tx.insert(stationMerchants).values({ userId, stationId: invite.stationId, createdBy: invite.createdBy }).onConflictDoNothing()
  return invite
}

/** The active stations `userId` is a merchant of, by name. */
export async function merchantStations(db: Database, userId: number): Promise<StationRecord[]> {
  return db
    .select(stationColumns)
    .from(stationMerchants)
    .innerJoin(stations, eq(stations.id, stationMerchants.stationId))
    .where(and(eq(stationMerchants.userId, userId), eq(stations.active, true)))
    .orderBy(stations.name, stations.id)
}

export async function isMerchantOf(db: Database, userId: number, stationId: number): Promise<boolean> {
  const rows = await db
    .select({ userId: stationMerchants.userId })
    .from(stationMerchants)
    .where(and(eq(stationMerchants.userId, userId), eq(stationMerchants.stationId, stationId)))
  return rows.length > 0
}
