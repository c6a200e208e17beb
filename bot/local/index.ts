import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { I18n } from '@grammyjs/i18n'
import type { Logger } from 'pino'
import type { BotContext } from '../context.js'
import type { Health } from '../health.js'
import { locales, negotiateLocale } from '../i18n.js'
import { createEmulatorServer } from './emulator/server.js'
import { EmulatorState } from './emulator/state.js'
import { defaultUsers } from './emulator/users.js'

/** The bot id and token of local mode; the emulator accepts only this token. */
const LOCAL_BOT_ID = 1_000_000_001
export const LOCAL_TOKEN = `${LOCAL_BOT_ID}:LOCAL-MODE-emulator-token-not-for-telegram`
/** The simulated organizer, made an admin in local mode so every feature can be tried. */
export const LOCAL_ORGANIZER_ID = 10003

const webchatKeys = (() => {
  const source = readFileSync(fileURLToPath(new URL('../locales/zh/webchat.ftl', import.meta.url)), 'utf8')
  return [...source.matchAll(/^(webchat-[\w-]+) =/gm)].map((match) => match[1] ?? '')
})()

/** Places for the web chat's "pick a city" location fallback (WGS-84, among the sample stations). */
const sampleCities = [
  { key: 'webchat-city-chengdu', lat: 30.65762, lng: 104.08059 },
  { key: 'webchat-city-xian', lat: 34.26101, lng: 108.94269 },
  { key: 'webchat-city-feicheng', lat: 36.18226, lng: 116.76834 },
  { key: 'webchat-city-luohe', lat: 33.57268, lng: 114.01708 },
]

export type LocalMode = { apiRoot: string; url: string; state: EmulatorState; stop: () => Promise<void> }

/**
 * Starts the Bot API emulator and the web chat on `port`. The bot then runs against
 * `apiRoot` through grammY's normal HTTP client, exactly as it would against Telegram. With
 * `health`, the same server answers /healthz and /livez.
 */
export async function startLocalMode(port: number, i18n: I18n<BotContext>, logger: Logger, health?: Health): Promise<LocalMode> {
  const state = new EmulatorState(LOCAL_BOT_ID)
  for (const user of defaultUsers({
    rider: i18n.t('zh', 'webchat-user-rider'),
    courier: i18n.t('zh', 'webchat-user-courier'),
    organizer: i18n.t('zh', 'webchat-user-organizer'),
  })) {
    state.addUser(user)
  }
  let nextUserId = 20001
  const server: Server = createEmulatorServer(state, LOCAL_TOKEN, {
    session: (requested) => {
      const locale = negotiateLocale(requested, undefined)
      return {
        locale,
        locales,
        bot: state.bot,
        users: [...state.users.values()].map(({ blocked, ...user }) => ({ ...user, blocked })),
        organizerId: LOCAL_ORGANIZER_ID,
        cities: sampleCities,
        // Variables stay as literal {name} markers; the page fills them in.
        strings: Object.fromEntries(webchatKeys.map((key) => [key, i18n.t(locale, key, { reason: '{reason}' })])),
      }
    },
    onError: (error) => logger.error({ err: error }, 'local emulator request failed'),
    ...(health === undefined ? {} : { health }),
    addUser: (firstName) => {
      while (state.users.has(nextUserId)) nextUserId++
      state.addUser({ id: nextUserId, is_bot: false, first_name: firstName, language_code: 'zh-hans' })
      return nextUserId
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address !== null ? address.port : port
  return {
    apiRoot: `http://127.0.0.1:${actualPort}`,
    url: `http://localhost:${actualPort}`,
    state,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
