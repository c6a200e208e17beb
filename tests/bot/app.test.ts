import { describe, expect, it } from 'vitest'
import { sendAsUser } from '../../bot/local/emulator/users.js'
import { useProductionPath } from '../helpers/production-path.js'

// A stand-in for api.telegram.org: the bot reaches it through TELEGRAM_API_ROOT, as it would a
// self-hosted Bot API server.
const rider = { id: 4242, is_bot: false as const, first_name: '小王' }
const { state, start } = useProductionPath(rider)

/** Waits until the bot has said something containing `expected` to the rider; returns all it said. */
async function botSaid(expected: string): Promise<string> {
  let said = ''
  for (let attempt = 0; attempt < 100 && !said.includes(expected); attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100))
    said = state
      .history(rider.id)
      .messages.filter((m) => m.from?.is_bot)
      .map((m) => m.text ?? '')
      .join('\n')
  }
  return said
}

describe('with a token', () => {
  it('long-polls through the runner, registers the commands and answers', async () => {
    const running = await start({})
    expect(running.mode).toBe('polling')
    expect(state.commands.get('')?.map((command) => command.command)).toEqual([
      'start',
      'nearby',
      'events',
      'myevents',
      'feedback',
      'mytickets',
      'said',
      'suggest',
      'settings',
      'mydata',
      'language',
      'help',
      'cancel',
    ])
    sendAsUser(state, rider.id, { text: '/help' })
    expect(await botSaid('暖新助手能帮你做什么')).toContain('暖新助手能帮你做什么')
  })

  it('in webhook mode accepts updates only with the secret token', async () => {
    const running = await start({ WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: 's3cret-token', PORT: '0' })
    expect(running.mode).toBe('webhook')
    expect(state.webhook).toEqual({ url: 'https://bot.example.org/tg/hook', secretToken: 's3cret-token' })
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: rider.id, type: 'private' },
        from: rider,
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    }
    const deliver = (secret: string) =>
      fetch(`http://127.0.0.1:${running.webhookPort}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      })
    expect((await deliver('wrong')).status).toBe(401)
    expect((await deliver('s3cret-token')).status).toBe(200)
    expect(await botSaid('你好')).toContain('你好')
  })
})
