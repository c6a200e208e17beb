import { Api } from 'grammy'
import cron from 'node-cron'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../bot/config.js'
import type { JobDeps } from '../../bot/context.js'
import { jobList, startScheduler } from '../../jobs/scheduler.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { createFakeTelegram } from '../helpers/fake-telegram.js'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

const depsWith = (env: Record<string, string>): JobDeps => {
  const telegram = createFakeTelegram()
  return {
    config: parseConfig(env),
    db: database.db,
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-11-23T04:00:00Z'),
    api: new Api('123456:TEST-token-for-the-fake-telegram-xyz', { fetch: telegram.fetch }),
  }
}

describe('scheduler', () => {
  it('gives every job a valid node-cron pattern, the digest at FEEDBACK_DIGEST_TIME', () => {
    const jobs = jobList(depsWith({ FEEDBACK_DIGEST_TIME: '18:30' }))
    expect(jobs.map((job) => job.name)).toEqual([
      'event-reminders',
      'registration-closing',
      'waitlist-offers',
      'finish-events',
      'broadcast-progress',
      'feedback-digest',
      'feedback-escalation',
      'lease-cleanup',
      'station-hours',
      'search-cells-retention',
    ])
    for (const job of jobs) expect(cron.validate(job.cron), job.name).toBe(true)
    expect(jobs.find((job) => job.name === 'feedback-digest')?.cron).toBe('0 30 18 * * *')
  })

  it('runs each job once at start (catching up after downtime) and stops cleanly', async () => {
    const deps = depsWith({})
    const errors: unknown[] = []
    deps.logger = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) })
    const scheduler = startScheduler(deps)
    await scheduler.stop()
    expect(errors).toEqual([])
  })
})
