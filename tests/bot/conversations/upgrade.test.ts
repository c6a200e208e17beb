import { readFileSync } from 'node:fs'
import { describe, it } from 'vitest'
import { conversationStates } from '../../../db/schema/index.js'
import { createTestBot } from '../../helpers/bot.js'
import { createTestDatabase } from '../../helpers/db.js'
import { scenarios } from './upgrade-scenarios.js'

/**
 * Stored conversation rows written by the code before the shared form step (see upgrade-scenarios.ts),
 * their taps rewritten in the callback codec's format (the release that brought the codec clears forms
 * in progress instead: migration 0011).
 */
const stored = JSON.parse(readFileSync(new URL('./fixtures/in-progress.json', import.meta.url), 'utf8')) as Record<
  string,
  { key: string; state: unknown }[]
>

describe('a conversation in progress when the bot is upgraded', () => {
  for (const scenario of scenarios) {
    it(`continues: ${scenario.name}`, async () => {
      const database = await createTestDatabase()
      try {
        await scenario.setup(database.db)
        const rows = stored[scenario.name]
        if (rows === undefined || rows.length === 0) throw new Error(`no stored state for ${scenario.name}`)
        await database.db.insert(conversationStates).values(rows)
        const { bot, telegram } = createTestBot(database.db, {
          now: () => scenario.now,
          ...(scenario.env === undefined ? {} : { env: scenario.env }),
        })
        await scenario.after((update) => bot.handleUpdate(update), telegram, database.db)
      } finally {
        await database.close()
      }
    }, 60_000)
  }
})
