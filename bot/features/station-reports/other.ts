import { requireUserId, type BotConversation, type BotDeps, type ConversationContext } from '../../context.js'
import { accept, ask, characters, retry } from '../../conversations/ask.js'
import { fileReport, outcomeText, type Details } from './report.js'

/** 其它 is a short note for an organizer, not a letter: a long story belongs in 我有话说. */
const MAX_OTHER_TEXT = 300

/** Reads 其它: words, a photo (its caption as the words) or a voice message. */
function readDetails(ctx: ConversationContext) {
  const message = ctx.message
  const tooLong = (text: string) =>
    retry((c) => c.reply(c.t('station-report-other-too-long', { max: MAX_OTHER_TEXT, length: characters(text) })))
  if (message?.text !== undefined) {
    if (characters(message.text.trim()) > MAX_OTHER_TEXT) return tooLong(message.text.trim())
    if (message.text.trim() !== '') return accept<Details>({ text: message.text, file: null })
  }
  const photo = message?.photo?.at(-1)
  if (photo !== undefined) {
    const caption = message?.caption ?? ''
    if (characters(caption.trim()) > MAX_OTHER_TEXT) return tooLong(caption.trim())
    return accept<Details>({ text: caption, file: { id: photo.file_id, kind: 'photo' } })
  }
  if (message?.voice !== undefined) return accept<Details>({ text: '', file: { id: message.voice.file_id, kind: 'voice' } })
  return retry<Details>((c) => c.reply(c.t('station-report-other-hint', { max: MAX_OTHER_TEXT })))
}

/** 其它（文字 / 照片 / 语音）: one question, then the report is filed like a one-tap choice. */
export function createOtherReport(deps: BotDeps) {
  return async function otherReport(conversation: BotConversation, ctx: ConversationContext, stationId: number) {
    await ctx.reply(ctx.t('station-report-other-prompt', { max: MAX_OTHER_TEXT }))
    const details = await ask(conversation, {
      // A shared location is a new search: the note is dropped and the list comes.
      leaveWith: (c) => c.message?.location !== undefined,
      read: readDetails,
    })
    const userId = requireUserId(ctx)
    const outcome = await conversation.external(() => fileReport(deps, ctx.t, { userId, stationId, kind: 'other', details }))
    await ctx.reply(outcomeText(ctx.t, outcome, deps))
  }
}
