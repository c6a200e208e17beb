// The benchmark's yardstick, kept out of the production modules: register_seat (migration 0010)
// with its first statement, the event lock, taken out. Concurrent calls then count seats on
// snapshots that miss each other's inserts and can overbook; that is what the lock prevents.
import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.js'
import { generateCode, type RegisterInput } from '../../db/repositories/registrations.js'

const migration = new URL('../../db/migrations/0010_register_seat.sql', import.meta.url)
const lock = /^\s*PERFORM 1 FROM "events" WHERE "id" = p_event_id FOR UPDATE;\n/m

/** Creates register_seat_unlocked next to register_seat in this (benchmark) database. */
export async function installUnlockedRegistration(db: Database): Promise<void> {
  const text = await readFile(migration, 'utf8')
  if (!lock.test(text)) throw new Error('register_seat no longer starts with the event lock: update the benchmark')
  await db.execute(
    sql.raw(text.replace(lock, '').replace('CREATE FUNCTION "register_seat"(', 'CREATE OR REPLACE FUNCTION "register_seat_unlocked"(')),
  )
}

export async function registerWithoutLock(db: Database, input: RegisterInput): Promise<void> {
  const at = input.now.toISOString()
  await db.execute(
    sql`select 1 from register_seat_unlocked(${input.eventId}::int, null::int, ${input.userId}::bigint, ${generateCode()}::text,
      null::text, null::text, null::text, null::text, '{}'::text[], null::timestamptz, null::timestamptz, ${at}::timestamptz)`,
  )
}
