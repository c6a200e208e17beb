import cron from 'node-cron'
import type { JobDeps } from '../bot/context.js'
import * as broadcastProgress from './broadcast-progress.js'
import * as eventReminders from './event-reminders.js'
import * as feedbackDigest from './feedback-digest.js'
import * as feedbackEscalation from './feedback-escalation.js'
import * as finishEvents from './finish-events.js'
import * as leaseCleanup from './lease-cleanup.js'
import * as registrationClosing from './registration-closing.js'
import * as searchCellsRetention from './search-cells-retention.js'
import * as stationHours from './station-hours.js'
import * as waitlistOffers from './waitlist-offers.js'

type Job = { name: string; cron: string; run: (deps: JobDeps) => Promise<unknown> }

/** The jobs and when they tick (Asia/Shanghai); node-cron's six-field patterns start with seconds. */
export function jobList(deps: JobDeps): Job[] {
  const [digestHour, digestMinute] = deps.config.feedbackDigestTime.split(':').map(Number)
  return [
    { name: 'event-reminders', cron: '0 * * * * *', run: eventReminders.run },
    { name: 'registration-closing', cron: '30 */5 * * * *', run: registrationClosing.run },
    { name: 'waitlist-offers', cron: '15 * * * * *', run: waitlistOffers.run },
    { name: 'finish-events', cron: '45 */10 * * * *', run: finishEvents.run },
    { name: 'broadcast-progress', cron: '*/3 * * * * *', run: broadcastProgress.run },
    { name: 'feedback-digest', cron: `0 ${digestMinute ?? 0} ${digestHour ?? 9} * * *`, run: feedbackDigest.run },
    { name: 'feedback-escalation', cron: '20 */10 * * * *', run: feedbackEscalation.run },
    { name: 'lease-cleanup', cron: '50 7 * * * *', run: leaseCleanup.run },
    { name: 'station-hours', cron: '40 17 * * * *', run: stationHours.run },
    { name: 'search-cells-retention', cron: '40 17 3 * * *', run: searchCellsRetention.run },
  ]
}

/**
 * The only place that imports node-cron. A tick holds no state: each job asks the database what is
 * due, so a missed tick or a restart loses nothing, and each job runs once at start to catch up
 * after downtime. Jobs are safe to run on several instances at once: what they queue carries a
 * dedupe key, so a second instance's tick queues nothing new.
 */
export function startScheduler(deps: JobDeps): { stop: () => Promise<void> } {
  const running = new Set<Promise<unknown>>()
  const runJob = (job: Job) => {
    const started = job.run(deps).catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'job failed'))
    running.add(started)
    void started.finally(() => running.delete(started))
    return started
  }
  const tasks = jobList(deps).map((job) => {
    void runJob(job)
    return cron.schedule(job.cron, () => runJob(job), { name: job.name, timezone: 'Asia/Shanghai', noOverlap: true })
  })
  return {
    stop: async () => {
      for (const task of tasks) await task.stop()
      await Promise.all(running)
    },
  }
}
