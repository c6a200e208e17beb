import { randomBytes } from 'node:crypto'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { Database } from '../client.js'
import { invites, roleChanges, users, type Invite } from '../schema/index.js'
import { addScope } from './roles.js'

/** A single-use invite code (URL-safe, fits a /start payload) valid until `expiresAt`. */
export async function createInvite(
  db: Database,
  invite: { createdBy: number; expiresAt: Date; city?: string | null; stationId?: number | null },
): Promise<Invite> {
  const [row] = await db
    .insert(invites)
    .values({
      code: randomBytes(9).toString('base64url'),
      createdBy: invite.createdBy,
      expiresAt: invite.expiresAt,
      city: invite.city ?? null,
      stationId: invite.stationId ?? null,
    })
    .returning()
  if (row === undefined) throw new Error('insert of an invite returned nothing')
  return row
}

/**
 * Uses an invite: marks it used by `userId` (once, atomically, only before it expires) and makes
 * them an organizer with the invite's scope. Returns the invite, or undefined when it is unknown,
 * used or expired.
 */
export async function redeemInvite(db: Database, code: string, userId: number, now: Date): Promise<Invite | undefined> {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .update(invites)
      .set({ usedBy: userId, usedAt: now })
      .where(and(eq(invites.code, code), isNull(invites.usedBy), gt(invites.expiresAt, now)))
      .returning()
    if (invite === undefined) return undefined
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update')
    if (user === undefined) throw new Error(`invite ${code} redeemed by unknown user ${userId}`)
    if (user.role === 'worker') {
      await tx.update(users).set({ role: invite.role }).where(eq(users.id, userId))
      await tx.insert(roleChanges).values({ userId, fromRole: user.role, toRole: invite.role, changedBy: invite.createdBy, via: 'invite' })
    }
    // Scopes mean nothing for admins, who manage everything anyway.
    if (user.role !== 'admin' && (invite.city !== null || invite.stationId !== null)) {
      await addScope(tx, { userId, city: invite.city, stationId: invite.stationId, createdBy: invite.createdBy })
    }
    return invite
  })
}

/**
 * An unused invite by the same admin for the same scope that expires after `expiresAfter`: lets a
 * double tap on an invite button show the same link instead of minting a second one.
 */
export async function findReusableInvite(
  db: Database,
  wanted: { createdBy: number; city: string | null; stationId: number | null; expiresAfter: Date },
): Promise<Invite | undefined> {
  const [invite] = await db
    .select()
    .from(invites)
    .where(
      and(
        eq(invites.createdBy, wanted.createdBy),
        isNull(invites.usedBy),
        gt(invites.expiresAt, wanted.expiresAfter),
        wanted.city === null ? isNull(invites.city) : eq(invites.city, wanted.city),
        wanted.stationId === null ? isNull(invites.stationId) : eq(invites.stationId, wanted.stationId),
      ),
    )
    .orderBy(desc(invites.expiresAt))
    .limit(1)
  return invite
}

export async function findInvite(db: Database, code: string): Promise<Invite | undefined> {
  const [invite] = await db.select().from(invites).where(eq(invites.code, code))
  return invite
}
