import type { MiddlewareFn } from 'grammy'
import type { Message, MessageEntity, User } from 'grammy/types'
import type { BotContext } from '../context.js'

/**
 * Control characters other than tab and newline (C0, DEL, C1). PostgreSQL refuses U+0000 in text
 * ("invalid byte sequence for encoding UTF8: 0x00"), and none of them shows on a phone, so they
 * come from a broken keyboard, a copy-paste or a forged update, never from what the person meant.
 */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
const hasControl = (text: string) => text.search(controlCharacters) !== -1

/** The text without control characters, and the entities moved to where their text now is (UTF-16 offsets). */
function clean(text: string, entities: MessageEntity[] | undefined): { text: string; entities: MessageEntity[] | undefined } {
  // removedBefore[i]: how many characters before position i were dropped.
  const removedBefore: number[] = [0]
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    const drop = hasControl(char)
    if (!drop) result += char
    removedBefore.push((removedBefore[index] ?? 0) + (drop ? 1 : 0))
  }
  const at = (position: number) => position - (removedBefore[Math.min(position, text.length)] ?? 0)
  const moved = entities
    ?.map((entity) => ({ ...entity, offset: at(entity.offset), length: at(entity.offset + entity.length) - at(entity.offset) }))
    .filter((entity) => entity.length > 0)
  return { text: result, entities: moved }
}

const cleanString = (value: string | undefined) =>
  value === undefined || !hasControl(value) ? value : value.replace(controlCharacters, '')

function cleanUser(user: User | undefined) {
  if (user === undefined) return
  user.first_name = cleanString(user.first_name) ?? ''
  if (user.last_name !== undefined) user.last_name = cleanString(user.last_name)
  if (user.username !== undefined) user.username = cleanString(user.username)
}

/** Returns whether the message had text or a caption made of control characters only. */
function cleanMessage(message: Message): boolean {
  let emptied = false
  cleanUser(message.from)
  if (message.text !== undefined && hasControl(message.text)) {
    const cleaned = clean(message.text, message.entities)
    message.text = cleaned.text
    if (cleaned.entities !== undefined) message.entities = cleaned.entities
    emptied ||= cleaned.text.trim() === ''
  }
  if (message.caption !== undefined && hasControl(message.caption)) {
    const cleaned = clean(message.caption, message.caption_entities)
    message.caption = cleaned.text
    if (cleaned.entities !== undefined) message.caption_entities = cleaned.entities
  }
  if (message.contact !== undefined) {
    const contact = message.contact
    contact.phone_number = cleanString(contact.phone_number) ?? ''
    contact.first_name = cleanString(contact.first_name) ?? ''
    if (contact.last_name !== undefined) contact.last_name = cleanString(contact.last_name)
    if (contact.vcard !== undefined) contact.vcard = cleanString(contact.vcard)
  }
  if (message.venue !== undefined) {
    message.venue.title = cleanString(message.venue.title) ?? ''
    message.venue.address = cleanString(message.venue.address) ?? ''
  }
  return emptied
}

/** Updates whose text had nothing but control characters (answered once ctx.t exists). */
const unreadable = new WeakSet<object>()

/**
 * Drops invisible control characters from everything an update brings that may reach the
 * database or a search: message text and captions (keeping their formatting entities in place),
 * contacts, venues, names and callback data. It runs before anything reads the update. Stripping
 * rather than refusing: the person cannot see these characters, so "your message has characters
 * we cannot read" would leave them nothing to fix; without them, "春熙\u0000路" is simply 春熙路 and
 * the flow goes on.
 */
export const cleanInput: MiddlewareFn<BotContext> = async (ctx, next) => {
  const update = ctx.update
  const message = update.message ?? update.edited_message
  if (message !== undefined && cleanMessage(message)) unreadable.add(update)
  if (update.callback_query !== undefined) {
    cleanUser(update.callback_query.from)
    if (update.callback_query.data !== undefined) update.callback_query.data = cleanString(update.callback_query.data)
  }
  if (update.my_chat_member !== undefined) cleanUser(update.my_chat_member.from)
  await next()
}

/** A text of control characters only: no feature could use what is left, so say so (after i18n). */
export const answerUnreadable: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!unreadable.has(ctx.update)) return next()
  if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('input-unreadable'))
}
