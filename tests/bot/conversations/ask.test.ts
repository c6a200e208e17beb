import { conversations, createConversation } from '@grammyjs/conversations'
import { Bot, InlineKeyboard } from 'grammy'
import { describe, expect, it } from 'vitest'
import type { BotContext, BotConversation, ConversationContext } from '../../../bot/context.js'
import { accept, ask, editKeyboard, retry, typed, type Question } from '../../../bot/conversations/ask.js'
import { botInfo } from '../../helpers/bot.js'
import { createFakeTelegram } from '../../helpers/fake-telegram.js'
import { callbackUpdate, locationUpdate, stickerUpdate, textUpdate } from '../../helpers/updates.js'

const person = { id: 8401 }

/**
 * A bot with one conversation (`/form` enters it) that asks `questions` in turn and then says what
 * it got; whatever the form lets go reaches the handlers after it, which note it in `downstream`.
 */
function formBot(questions: (conversation: BotConversation, ctx: ConversationContext) => Question<unknown>[]) {
  const telegram = createFakeTelegram()
  const bot = new Bot<BotContext>('123456:TEST-token-for-the-fake-telegram-xyz', { botInfo, client: { fetch: telegram.fetch } })
  const downstream: string[] = []
  bot.use(conversations<BotContext, ConversationContext>())
  bot.use(
    createConversation<BotContext, ConversationContext>(async (conversation, ctx) => {
      const answers: unknown[] = []
      for (const question of questions(conversation, ctx)) answers.push(await ask(conversation, question))
      await ctx.reply(`got ${JSON.stringify(answers)}`)
    }, 'form'),
  )
  bot.command('form', (ctx) => ctx.conversation.enter('form'))
  bot.on('callback_query:data', async (ctx) => {
    downstream.push(`tap ${ctx.callbackQuery.data}`)
    await ctx.answerCallbackQuery({ text: 'downstream' })
  })
  bot.on('message', (ctx) => void downstream.push(ctx.message.text ?? 'message'))
  const send = (update: Parameters<typeof bot.handleUpdate>[0]) => bot.handleUpdate(update)
  const said = () => telegram.callsOf('sendMessage').map((call) => String(call.payload.text))
  return { send, telegram, downstream, said }
}

const name: Question<string> = {
  read: (ctx) => {
    const answer = typed(ctx, 5)
    if (answer.kind === 'text') return accept(answer.text)
    if (answer.kind === 'too-long') return retry((c) => c.reply(`too long: ${answer.length}`))
    return retry((c) => c.reply('type a name'))
  },
}

describe('asking one question of a form', () => {
  it('sends the prompt once, hints on a wrong kind of answer and asks again until it fits', async () => {
    const { send, said } = formBot((_conversation, ctx) => [{ ...name, prompt: () => ctx.reply('your name?') }])
    await send(textUpdate(person, '/form'))
    await send(stickerUpdate(person))
    await send(textUpdate(person, '   '))
    await send(textUpdate(person, ' 小王 '))
    expect(said()).toEqual(['your name?', 'type a name', 'type a name', 'got ["小王"]'])
  })

  it('counts characters as people do: five emoji fit in five, six do not', async () => {
    const { send, said } = formBot(() => [name])
    await send(textUpdate(person, '/form'))
    await send(textUpdate(person, '🍜🍜🍜🍜🍜🍜'))
    await send(textUpdate(person, '🍜🍜🍜🍜🍜'))
    expect(said()).toEqual(['too long: 6', 'got ["🍜🍜🍜🍜🍜"]'])
  })

  it('answers its own buttons, toasts the form’s older ones, and lets other buttons and updates through', async () => {
    const { send, said, telegram, downstream } = formBot(() => [
      {
        buttons: /^form:pick:/,
        stale: { buttons: /^form:/, toast: () => 'use the newest buttons' },
        read: (ctx) =>
          ctx.callbackQuery?.data === undefined ? retry((c) => c.reply('tap a button')) : accept(ctx.callbackQuery.data.slice(10)),
      },
    ])
    await send(textUpdate(person, '/form'))
    await send(callbackUpdate(person, 'form:old'))
    await send(callbackUpdate(person, 'station:1'))
    await send(textUpdate(person, 'hello'))
    await send(callbackUpdate(person, 'form:pick:b'))
    expect(telegram.callsOf('answerCallbackQuery').map((call) => call.payload.text)).toEqual([
      'use the newest buttons',
      'downstream',
      undefined,
    ])
    expect(downstream).toEqual(['tap station:1'])
    expect(said()).toEqual(['tap a button', 'got ["b"]'])
  })

  it('lets go of updates it does not take (an edited message) unless told to read them', async () => {
    const edited = {
      update_id: 990_001,
      edited_message: {
        message_id: 1,
        date: 0,
        edit_date: 1,
        chat: { id: person.id, type: 'private' as const, first_name: 'A' },
        from: { id: person.id, is_bot: false, first_name: 'A' },
        text: 'x',
      },
    }
    const { send, said } = formBot(() => [
      name,
      { updates: () => true, read: (ctx) => (ctx.message === undefined ? accept('not a message') : retry()) },
    ])
    await send(textUpdate(person, '/form'))
    await send(edited)
    await send(textUpdate(person, '小王'))
    await send({ ...edited, update_id: 990_002 })
    expect(said()).toEqual(['got ["小王","not a message"]'])
  })

  it('quits with its own way out, and leaves on an update that belongs to the rest of the bot', async () => {
    const quitting = formBot(() => [
      { ...name, buttons: /^form:/, quit: { when: (ctx) => ctx.callbackQuery?.data === 'form:quit', say: (ctx) => ctx.reply('bye') } },
    ])
    await quitting.send(textUpdate(person, '/form'))
    await quitting.send(callbackUpdate(person, 'form:quit'))
    await quitting.send(textUpdate(person, '小王'))
    expect(quitting.said()).toEqual(['bye'])
    expect(quitting.downstream).toEqual(['小王'])

    const leaving = formBot(() => [{ ...name, leaveWith: (ctx) => ctx.message?.location !== undefined }])
    await leaving.send(textUpdate(person, '/form'))
    await leaving.send(locationUpdate(person, 30.6, 104.1))
    await leaving.send(textUpdate(person, '小王'))
    expect(leaving.downstream).toEqual(['message', '小王'])
    expect(leaving.said()).toEqual([])
  })

  it('keeps what a retry changed (a toggle) when the stored log is replayed for the next update', async () => {
    const { send, said, telegram } = formBot(() => {
      const ticked = new Set<string>()
      const keyboard = () =>
        new InlineKeyboard().text(`a${ticked.has('a') ? ' ✅' : ''}`, 'form:t:a').text(`b${ticked.has('b') ? ' ✅' : ''}`, 'form:t:b')
      return [
        {
          buttons: /^form:/,
          read: (ctx) => {
            const data = ctx.callbackQuery?.data ?? ''
            if (data === 'form:done') return accept([...ticked].sort())
            const option = data.slice(7)
            if (ticked.has(option)) ticked.delete(option)
            else ticked.add(option)
            return retry((c) => editKeyboard(c, keyboard(), () => c.reply('ticked again')))
          },
        },
      ]
    })
    telegram.respond((call) =>
      call.method === 'editMessageReplyMarkup' && JSON.stringify(call.payload).includes('b ✅')
        ? { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }
        : undefined,
    )
    await send(textUpdate(person, '/form'))
    await send(callbackUpdate(person, 'form:t:a'))
    await send(callbackUpdate(person, 'form:t:b'))
    await send(callbackUpdate(person, 'form:t:a'))
    await send(callbackUpdate(person, 'form:t:a'))
    await send(callbackUpdate(person, 'form:done'))
    expect(JSON.stringify(telegram.callsOf('editMessageReplyMarkup')[0]?.payload)).toContain('a ✅')
    // Telegram refused the edits that showed b ticked: the fallback said it in a new message.
    expect(said()).toEqual(['ticked again', 'ticked again', 'ticked again', 'got [["a","b"]]'])
  })
})
