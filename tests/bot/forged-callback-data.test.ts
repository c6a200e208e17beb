import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../bot/logger.js'
import { addScope } from '../../db/repositories/roles.js'
import { createTestBot } from '../helpers/bot.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { addUser, seedStations } from '../helpers/feedback.js'
import { callbackUpdate, textUpdate } from '../helpers/updates.js'

const admin = { id: 8801, first_name: '管理员' }
// Every feature's stale-button answer starts so (some say where to start again).
const stale = /^这个按钮已(经)?失效/

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await seedStations(database.db)
  await addUser(database.db, { id: admin.id, firstName: admin.first_name, role: 'organizer' })
  await addScope(database.db, { userId: admin.id, city: '成都', createdBy: null })
})
afterAll(async () => database.close())

function setup() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
  const test = createTestBot(database.db, { env: { ADMIN_IDS: String(admin.id) }, logger: createLogger('warn', stream) })
  return { ...test, logged: () => lines.join('') }
}

// Keys that a plain object finds on Object.prototype.
const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty']
// Every place where a codec turns a code from the data into one of a fixed set of values.
const templates = [
  'fb:status:1:KEY', // feedback: status of a ticket
  'f:KEY:1', // feedback: an action on a ticket
  'fb:kind:KEY', // feedback: the category in the worker's form
  'b:KEY:1', // broadcast: a control on a running broadcast
  'bc:type:KEY', // broadcast: the audience type
  'bc:only:KEY', // broadcast: registrants' status
  'KEY', // broadcast: the bare compose buttons are looked up by the whole data
  'e:KEY', // events: bare buttons
  'e:KEY:1', // events: buttons with an event or registration id
  'ea:do:KEY:1', // event admin: an action on an event
  'ea:edit:KEY:1', // event admin: a field to edit
  'qh:KEY', // settings
  'r:KEY:1', // roles
  'n:s1:0:KEY', // stations: list filters
]
const forged = templates.flatMap((template) => keys.map((key) => template.replace('KEY', key)))

describe('forged callback data with prototype keys', () => {
  it.each(forged)('answers %s as a stale button and logs no error', async (data) => {
    const { bot, telegram, logged } = setup()
    await bot.handleUpdate(callbackUpdate(admin, data))
    expect(telegram.callsOf('answerCallbackQuery').map((call) => String(call.payload.text))).toEqual([expect.stringMatching(stale)])
    expect(telegram.callsOf('sendMessage')).toEqual([])
    expect(logged()).toBe('')
  })

  it.each(keys)('takes %s as a stale button in the middle of composing a broadcast', async (key) => {
    const { bot, telegram, logged } = setup()
    await bot.handleUpdate(textUpdate(admin, '/broadcast'))
    telegram.clear()
    await bot.handleUpdate(callbackUpdate(admin, key))
    expect(telegram.callsOf('answerCallbackQuery').map((call) => String(call.payload.text))).toEqual([expect.stringMatching(stale)])
    expect(logged()).toBe('')
    // The form is still waiting for the audience type.
    await bot.handleUpdate(callbackUpdate(admin, 'bc:abort'))
  })
})

// Buttons sent before the callback codec (one-letter namespaces) are still on people's phones.
const beforeTheCodec = [
  'e:v:1',
  'e:r:1',
  'e:c:1',
  'e:dely',
  'ea:v:1',
  'ea:a:cancelok:1',
  'ea:c:stop',
  'ea:k:ABC123',
  'f:o:1',
  'f:e',
  'f:w:k:need',
  'b:p:1',
  'b:qy:1',
  'r:ia',
  'r:dy:1',
  'qh:off',
  'qh:p0',
  'lang:en',
  'n:30.65732,104.06581:0:1',
  'v:1',
  'p:1',
]

describe('buttons from before the upgrade', () => {
  it.each(beforeTheCodec)('answers %s as a stale button and does nothing', async (data) => {
    const { bot, telegram, logged } = setup()
    await bot.handleUpdate(callbackUpdate(admin, data))
    expect(telegram.callsOf('answerCallbackQuery').map((call) => String(call.payload.text))).toEqual([expect.stringMatching(stale)])
    expect(telegram.calls.map((call) => call.method)).toEqual(['answerCallbackQuery'])
    expect(logged()).toBe('')
  })
})
