import { and, desc, eq, getTableColumns, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../client.js'
import { organizerScopes, roleChanges, stations, users, type OrganizerScope, type User, type UserRole } from '../schema/index.js'

type RoleChange = typeof roleChanges.$inferSelect

/** What a place belongs to, for scope checks: an event, a station, a feedback ticket. */
export type Place = { city: string | null; stationId: number | null }

export const isOrganizer = (user: Pick<User, 'role'> | undefined): boolean =>
  user !== undefined && (user.role === 'organizer' || user.role === 'admin')

export const isAdmin = (user: Pick<User, 'role'> | undefined): boolean => user?.role === 'admin'

export async function listScopes(db: Database, userId: number): Promise<OrganizerScope[]> {
  return db.select().from(organizerScopes).where(eq(organizerScopes.userId, userId)).orderBy(organizerScopes.id)
}

/**
 * Whether `user` may manage things at `place`: admins everywhere; organizers everywhere when they
 * have no scope, else in their cities and at their stations (a station's city counts too).
 */
export async function canManage(db: Database, user: Pick<User, 'id' | 'role'> | undefined, place: Place): Promise<boolean> {
  if (user === undefined || !isOrganizer(user)) return false
  if (isAdmin(user)) return true
  const scopes = await listScopes(db, user.id)
  if (scopes.length === 0) return true
  let city = place.city
  if ((city === null || city === '') && place.stationId !== null) {
    const [station] = await db.select({ city: stations.city }).from(stations).where(eq(stations.id, place.stationId))
    city = station?.city ?? null
  }
  return scopes.some(
    (scope) =>
      (scope.stationId !== null && scope.stationId === place.stationId) ||
      (scope.city !== null && city !== null && city !== '' && scope.city === city),
  )
}

/**
 * The organizers responsible for a place: those scoped to its station or its city, else those
 * without any scope; admins when there is nobody else (nothing is left without an owner).
 */
export async function responsibleOrganizers(db: Database, place: Place): Promise<User[]> {
  let city = place.city ?? ''
  if (city === '' && place.stationId !== null) {
    const [station] = await db.select({ city: stations.city }).from(stations).where(eq(stations.id, place.stationId))
    city = station?.city ?? ''
  }
  const matches = [
    ...(place.stationId === null ? [] : [eq(organizerScopes.stationId, place.stationId)]),
    ...(city === '' ? [] : [eq(organizerScopes.city, city)]),
  ]
  const scoped =
    matches.length === 0
      ? []
      : await db
          .selectDistinct({ user: users })
          .from(organizerScopes)
          .innerJoin(users, eq(users.id, organizerScopes.userId))
          .where(and(eq(users.role, 'organizer'), or(...matches)))
  if (scoped.length > 0) return scoped.map((row) => row.user)
  const unscoped = await db
    .select()
    .from(users)
    .where(
      and(eq(users.role, 'organizer'), sql`not exists (select 1 from ${organizerScopes} where ${organizerScopes.userId} = ${users.id})`),
    )
  if (unscoped.length > 0) return unscoped
  return db.select().from(users).where(eq(users.role, 'admin'))
}

/** Changes a user's role and records who did it and how; returns false when nothing changed. */
export async function setRole(
  db: Database,
  change: { userId: number; role: UserRole; changedBy: number | null; via: 'invite' | 'command' | 'config' },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ role: users.role }).from(users).where(eq(users.id, change.userId)).for('update')
    if (current === undefined || current.role === change.role) return false
    await tx.update(users).set({ role: change.role }).where(eq(users.id, change.userId))
    await tx.insert(roleChanges).values({
      userId: change.userId,
      fromRole: current.role,
      toRole: change.role,
      changedBy: change.changedBy,
      via: change.via,
    })
    return true
  })
}

/** Adds a scope unless the organizer already has the same one (a double tap, a repeated /appoint). */
export async function addScope(
  db: Database,
  scope: { userId: number; city?: string | null; stationId?: number | null; createdBy: number | null },
): Promise<void> {
  const city = scope.city ?? null
  const stationId = scope.stationId ?? null
  const [existing] = await db
    .select({ id: organizerScopes.id })
    .from(organizerScopes)
    .where(
      and(
        eq(organizerScopes.userId, scope.userId),
        city === null ? isNull(organizerScopes.city) : eq(organizerScopes.city, city),
        stationId === null ? isNull(organizerScopes.stationId) : eq(organizerScopes.stationId, stationId),
      ),
    )
  if (existing !== undefined) return
  await db.insert(organizerScopes).values({ userId: scope.userId, city, stationId, createdBy: scope.createdBy })
}

async function clearScopes(db: Database, userId: number): Promise<void> {
  await db.delete(organizerScopes).where(eq(organizerScopes.userId, userId))
}

export async function listOrganizers(db: Database): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(inArray(users.role, ['organizer', 'admin']))
    .orderBy(users.role, users.id)
}

/** The cities that have active stations, for scope pickers and for checking a typed city. */
export async function stationCities(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ city: stations.city })
    .from(stations)
    .where(and(eq(stations.active, true), ne(stations.city, '')))
    .orderBy(stations.city)
  return rows.map((row) => row.city)
}

export type ScopeWithStation = OrganizerScope & { stationName: string | null }

export async function findScope(db: Database, scopeId: number): Promise<ScopeWithStation | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(organizerScopes), stationName: stations.name })
    .from(organizerScopes)
    .leftJoin(stations, eq(stations.id, organizerScopes.stationId))
    .where(eq(organizerScopes.id, scopeId))
  return row
}

/** Removes one scope; false when it was already gone (a double tap). */
export async function removeScope(db: Database, scopeId: number): Promise<boolean> {
  const rows = await db.delete(organizerScopes).where(eq(organizerScopes.id, scopeId)).returning({ id: organizerScopes.id })
  return rows.length > 0
}

export type TeamMember = {
  user: User
  scopes: ScopeWithStation[]
  /** The latest role change, with the name of whoever made it (null: ADMIN_IDS or unknown). */
  lastChange: (RoleChange & { changedByName: string | null; changedByUsername: string | null }) | null
}

/** Organizers and admins (admins first) with their scopes and their latest role change. */
export async function listTeam(db: Database): Promise<TeamMember[]> {
  const members = await listOrganizers(db)
  if (members.length === 0) return []
  const ids = members.map((member) => member.id)
  const scopes = await db
    .select({ ...getTableColumns(organizerScopes), stationName: stations.name })
    .from(organizerScopes)
    .leftJoin(stations, eq(stations.id, organizerScopes.stationId))
    .where(inArray(organizerScopes.userId, ids))
    .orderBy(organizerScopes.id)
  const changer = alias(users, 'changer')
  const changes = await db
    .selectDistinctOn([roleChanges.userId], {
      change: roleChanges,
      changedByName: changer.firstName,
      changedByUsername: changer.username,
    })
    .from(roleChanges)
    .leftJoin(changer, eq(changer.id, roleChanges.changedBy))
    .where(inArray(roleChanges.userId, ids))
    .orderBy(roleChanges.userId, desc(roleChanges.changedAt), desc(roleChanges.id))
  return members.map((user) => {
    const change = changes.find((row) => row.change.userId === user.id)
    return {
      user,
      scopes: scopes.filter((scope) => scope.userId === user.id),
      lastChange:
        change === undefined
          ? null
          : { ...change.change, changedByName: change.changedByName, changedByUsername: change.changedByUsername },
    }
  })
}

/** Makes an organizer (or an admin no longer in ADMIN_IDS) a worker again and drops their scopes. */
export async function demoteToWorker(
  db: Database,
  change: { userId: number; changedBy: number | null; via: 'command' | 'config' },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await setRole(tx, { ...change, role: 'worker' })
    if (changed) await clearScopes(tx, change.userId)
    return changed
  })
}
