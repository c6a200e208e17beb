import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startApp, type App, type AppOptions } from '../../bot/app.js'
import { parseConfig } from '../../bot/config.js'
import { createEmulatorServer } from '../../bot/local/emulator/server.js'
import { EmulatorState } from '../../bot/local/emulator/state.js'
import { createEmptyPostgresDatabase } from './db.js'

export const productionToken = '1000000001:PRODUCTION-path-test-token-abcdefghij'

/**
 * The production path in a test file: the emulator stands in for api.telegram.org (reached through
 * TELEGRAM_API_ROOT, as a self-hosted Bot API server would be), and each test starts the real app
 * against it, on a fresh PostgreSQL database when DATABASE_URL is set. Registers its own hooks:
 * call it once at the top of the file.
 */
export function useProductionPath(rider: { id: number; is_bot: false; first_name: string }) {
  const state = new EmulatorState(1_000_000_001)
  state.addUser(rider)
  const telegram = createEmulatorServer(state, productionToken, { session: () => ({}), addUser: () => 0, onError: () => {} })
  let apiRoot = ''
  let app: App | undefined
  let dropDatabase = async () => {}

  beforeAll(async () => {
    await new Promise<void>((resolve) => telegram.listen(0, '127.0.0.1', resolve))
    apiRoot = `http://127.0.0.1:${(telegram.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    await app?.stop()
    app = undefined
    await dropDatabase()
    dropDatabase = async () => {}
  })
  afterAll(async () => {
    telegram.closeAllConnections()
    await new Promise((resolve) => telegram.close(resolve))
  })

  return {
    state,
    apiRoot: () => apiRoot,
    /** Starts the app with the token, the emulator's address and `env`; stopped after the test. */
    async start(env: Record<string, string>, options: Omit<AppOptions, 'inMemoryDatabase'> = {}): Promise<App> {
      const full: Record<string, string> = { BOT_TOKEN: productionToken, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'silent', ...env }
      if (process.env.DATABASE_URL) {
        const database = await createEmptyPostgresDatabase(process.env.DATABASE_URL)
        full.DATABASE_URL = database.url
        dropDatabase = database.drop
      }
      app = await startApp(parseConfig(full), pino({ level: 'silent' }), { inMemoryDatabase: true, ...options })
      return app
    },
  }
}
