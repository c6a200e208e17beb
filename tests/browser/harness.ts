import { existsSync } from 'node:fs'
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'
import pino from 'pino'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core'
import { startApp, type App } from '../../bot/app.js'
import { parseConfig } from '../../bot/config.js'
import { createI18n } from '../../bot/i18n.js'

const CHROMIUM = '/usr/bin/chromium'
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; a test must never download a browser of its own either.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Wednesday 2026-06-10, 12:00 in Shanghai: the sample stations around 春熙路 are open. */
export const noonInShanghai = new Date('2026-06-10T04:00:00Z')

/** A rider's phone: what the web chat is designed for first. */
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

const i18n = createI18n()
/** The bot's strings, so that tests follow the locale files instead of copying them. */
export const translate = (locale: 'zh' | 'en', key: string, variables?: Record<string, string | number>) => i18n.t(locale, key, variables)
export const t = (key: string, variables?: Record<string, string | number>) => translate('zh', key, variables)

export type WebChat = {
  app: App
  url: string
  /** Uncaught exceptions in any page, which every test expects to stay empty. */
  pageErrors: string[]
  /** A new simulated user (so each test has a chat of its own), through the web API. */
  newUser: (firstName: string) => Promise<number>
  /** A fresh browser context (permissions, geolocation…) with the chat of `userId` open. */
  open: (userId: number, options?: BrowserContextOptions, baseUrl?: string) => Promise<Page>
  close: () => Promise<void>
}

/** Starts the app in local mode on a free port with an in-memory database, and Chromium; its clock is noon unless `now` says otherwise. */
export async function startWebChat(options: { now?: () => Date } = {}): Promise<WebChat> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium)`)
  const app = await startApp(parseConfig({ PORT: '0', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }), {
    inMemoryDatabase: true,
    now: options.now ?? (() => noonInShanghai),
  })
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  } catch (error) {
    await app.stop()
    throw error
  }
  const url = app.localUrl ?? ''
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  return {
    app,
    url,
    pageErrors,
    async newUser(firstName) {
      const response = await fetch(`${url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ first_name: firstName }),
      })
      return ((await response.json()) as { id: number }).id
    },
    async open(userId, options = {}, baseUrl = url) {
      const context = await browser.newContext({ ...phone, ...options })
      contexts.push(context)
      const page = await context.newPage()
      page.on('pageerror', (error) => pageErrors.push(error.message))
      await page.goto(`${baseUrl}/?user=${userId}`)
      await page.getByTestId('composer').waitFor()
      return page
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined)
      await browser.close()
      await app.stop()
    },
  }
}

export const botMessages = (page: Page) => page.locator('[data-testid="message"][data-from="bot"]')
export const userMessages = (page: Page) => page.locator('[data-testid="message"][data-from="user"]')
export const messageById = (page: Page, id: string) => page.locator(`[data-testid="message"][data-message-id="${id}"]`)

/** Types into the composer and presses the send button. */
export async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer').fill(text)
  await page.getByTestId('send-button').click()
}

/** Waits until there are `count` bot messages and returns the last one. */
export async function nthBotMessage(page: Page, count: number): Promise<Locator> {
  const message = botMessages(page).nth(count - 1)
  await message.waitFor()
  return message
}

/** The latest bot message containing `text`, once it has arrived; on a timeout, what the chat shows. */
export async function botMessageWith(page: Page, text: string, timeout = 20_000): Promise<Locator> {
  const message = botMessages(page).filter({ hasText: text }).last()
  try {
    await message.waitFor({ timeout })
  } catch (error) {
    const seen = await page.getByTestId('message').allInnerTexts()
    throw new Error(`no bot message with “${text}”; the chat shows:\n${seen.join('\n---\n')}`, { cause: error })
  }
  return message
}

/** Taps `label` under the latest bot message containing `text`. */
export async function tapUnder(page: Page, text: string, label: string): Promise<void> {
  const message = await botMessageWith(page, text)
  await message.getByTestId('inline-button').filter({ hasText: label }).first().click()
}

export const textOf = async (message: Locator) => (await message.getByTestId('message-text').innerText()).trim()

/** Station names of a nearest-stations list message, in list order. */
export const listedNames = (text: string) => [...text.matchAll(/^\d+\. (.+?)（/gm)].map((match) => match[1] ?? '')

/** The 📏 distances of a list message in metres, in list order. */
export const listedDistances = (text: string) =>
  [...text.matchAll(/📏 ([\d.]+) (米|公里)/g)].map((match) => Number(match[1]) * (match[2] === '公里' ? 1000 : 1))

/** A real 2×2 orange PNG, small enough to inline. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP436MBRAwQCgAy/gbNtGNyVQAAAABJRU5ErkJggg==',
  'base64',
)

export type Relay = { url: string; cut: () => void; restore: () => void; close: () => Promise<void> }

/**
 * A TCP relay in front of the app whose link a test can cut, as when a phone loses its signal:
 * cut() drops every open connection (the event stream too) and refuses new ones until restore().
 */
export async function startRelay(target: string): Promise<Relay> {
  const port = Number(new URL(target).port)
  const sockets = new Set<Socket>()
  let down = false
  const server = createServer((client) => {
    if (down) return void client.destroy()
    const upstream = connect(port, '127.0.0.1')
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', drop).on('close', drop)
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const dropAll = () => {
    for (const socket of sockets) socket.destroy()
    sockets.clear()
  }
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    cut: () => {
      down = true
      dropAll()
    },
    restore: () => {
      down = false
    },
    close: () =>
      new Promise((resolve) => {
        dropAll()
        server.close(() => resolve())
      }),
  }
}
