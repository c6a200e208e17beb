import { randomUUID } from 'node:crypto'
import type { Api } from 'grammy'
import type { JobDeps } from '../bot/context.js'
import { translatorFor, userLocale } from '../bot/i18n.js'
import { editProgress, renderProgress, reportText } from '../bot/ui/broadcast-progress.js'
import type { Database } from '../db/client.js'
import { broadcastCountsMany, finishBroadcast, listRunningBroadcasts } from '../db/repositories/broadcasts.js'
import { takeLease } from '../db/repositories/leases.js'
import { findUser } from '../db/repositories/users.js'

/**
 * What each progress message last showed, so that a tick edits only messages whose counts
 * changed. Only an optimisation: after a restart every message is edited once more, and
 * Telegram's "message is not modified" is ignored.
 */
const shown = new WeakMap<Database, Map<number, string>>()

/**
 * Which instance this is, for the per-broadcast editor lease. Keyed by the API object because
 * that is what one instance has of its own (tests run two instances in one process).
 */
const instances = new WeakMap<Api, string>()
const instanceOf = (api: Api) => {
  let id = instances.get(api)
  if (id === undefined) instances.set(api, (id = randomUUID()))
  return id
}

/**
 * Long enough to outlast a few 3-second ticks, short enough that when the editing instance dies
 * another one takes its broadcasts over within seconds. Renewed by every tick of the holder.
 */
const EDITOR_LEASE_SECONDS = 10

/**
 * Every few seconds: brings the organizers' progress messages of running and paused broadcasts up
 * to date, and finishes broadcasts with nothing left to send: status done, a final edit without
 * buttons, and a report to the organizer queued in the same transaction as the status change (so
 * it is queued exactly once, whichever run or instance gets there first).
 *
 * With several instances, one of them at a time edits a given broadcast's progress message (a
 * lease per broadcast, kept by the instance that has it): every instance editing on every tick
 * doubled the edits, which count against the organizer chat's flood limit.
 */
export async function run(deps: JobDeps): Promise<void> {
  const { db, api, logger } = deps
  const running = await listRunningBroadcasts(db)
  if (running.length === 0) return
  let last = shown.get(db)
  if (last === undefined) shown.set(db, (last = new Map()))
  const counts = await broadcastCountsMany(
    db,
    running.map((broadcast) => broadcast.id),
  )
  for (const current of running) {
    const count = counts.get(current.id)
    if (count === undefined) continue
    const organizer = await findUser(db, current.createdBy)
    const locale = organizer === undefined ? 'zh' : userLocale(organizer)
    const t = translatorFor(locale)
    let broadcast = current
    if (count.remaining === 0) {
      const done = await finishBroadcast(db, current.id, deps.now(), (finished) => ({
        userId: finished.createdBy,
        kind: 'broadcast-report',
        payload: { method: 'sendMessage', text: reportText(t, finished, count) },
      }))
      // Another run finished it first and did the final edit.
      if (done === undefined) continue
      broadcast = done
    }
    // The final edit belongs to whoever finished the broadcast; the others only to the editor.
    if (
      broadcast.status !== 'done' &&
      !(await takeLease(db, `broadcast-progress:${broadcast.id}`, instanceOf(api), EDITOR_LEASE_SECONDS))
    ) {
      continue
    }
    const progress = await renderProgress(db, t, broadcast, deps.now(), count)
    if (last.get(broadcast.id) === progress.text && broadcast.status !== 'done') continue
    const failure = await editProgress(api, broadcast, progress)
    if (failure !== undefined) logger.warn({ err: failure, broadcast: broadcast.id }, 'progress message not updated')
    if (broadcast.status === 'done') last.delete(broadcast.id)
    else last.set(broadcast.id, progress.text)
  }
}
