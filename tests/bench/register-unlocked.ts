// The benchmark's yardstick, kept out of the production modules: the same seat decision as
// `register`, without the event lock in front of it. Concurrent calls then count seats on
// snapshots that miss each other's inserts and can overbook; that is what the lock prevents.
import type { Database } from '../../db/client.js'
import { generateCode, type RegisterInput } from '../../db/repositories/registrations.js'
import { decideSeat } from '../../db/repositories/seat-decision.js'

export async function registerWithoutLock(db: Database, input: RegisterInput): Promise<'confirmed' | 'waitlisted' | 'refused'> {
  const [written] = await db.transaction((tx) => decideSeat(tx, input, generateCode()))
  return written === undefined ? 'refused' : written.status === 'confirmed' ? 'confirmed' : 'waitlisted'
}
