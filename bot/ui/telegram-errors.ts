import { GrammyError } from 'grammy'
import type { Logger } from 'pino'

/** Telegram refuses to "edit" a message into what it already shows: a double tap, nothing to do. */
export const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.description.includes('message is not modified')

/** The message was deleted, or is older than Telegram lets a bot edit it (48 hours). */
export const isNotEditable = (error: unknown): boolean =>
  error instanceof GrammyError && /message to edit not found|message can't be edited/.test(error.description)

/** Editing buttons or text that are out of date anyway: "not modified" or a message that can no longer be edited. */
export const isStaleEdit = (error: unknown): boolean => isNotModified(error) || isNotEditable(error)

/** Runs an edit; "not modified" (a double tap) counts as done, any other failure is thrown. */
export async function ignoreNotModified(edit: Promise<unknown>): Promise<void> {
  try {
    await edit
  } catch (error) {
    if (!isNotModified(error)) throw error
  }
}

/**
 * A follow-up that must not fail an update whose real work is done (taking the buttons off an
 * answered question, refreshing an organizer's command menu): the failures `expected` names are
 * silent, any other is logged as a warning under `what` and not thrown, so that nobody is told
 * that their saved answer failed.
 */
export async function followUp(
  logger: Logger,
  what: string,
  task: Promise<unknown>,
  expected: (error: unknown) => boolean = () => false,
): Promise<void> {
  try {
    await task
  } catch (error) {
    if (!expected(error)) logger.warn({ err: error }, what)
  }
}

/** Takes the buttons off the message that was tapped, after what they asked for is done. */
export const removeButtons = (ctx: { logger: Logger; editMessageReplyMarkup: () => Promise<unknown> }): Promise<void> =>
  followUp(ctx.logger, 'buttons not removed', ctx.editMessageReplyMarkup(), isStaleEdit)
