import { eventFormCallbacks, type EventFormButton } from '../../callbacks/events.js'
import type { ConversationContext } from '../../context.js'
import { editKeyboard } from '../../conversations/ask.js'
import { translate } from '../../i18n.js'
import { choiceKeyboard, occupations, platforms } from './keyboards.js'

/** The form's way of waiting for an answer (see the registration conversation). */
export type Ask = <T>(read: (c: ConversationContext) => T | undefined, reask: (c: ConversationContext) => Promise<unknown>) => Promise<T>
type ActionOf = (c: ConversationContext) => EventFormButton | undefined

// Stored as Chinese labels, the form organizers read in lists and exports.
const zhLabel = (key: `events-occupation-${(typeof occupations)[number]}` | `events-platform-${(typeof platforms)[number]}`) =>
  translate('zh', key)

export async function pickOccupation(ctx: ConversationContext, ask: Ask, actionOf: ActionOf): Promise<string> {
  const keyboard = choiceKeyboard(
    ctx.t,
    occupations.map((option, index) => ({
      label: ctx.t(`events-occupation-${option}`),
      data: eventFormCallbacks.occupation.pack({ index }),
    })),
    3,
  )
  await ctx.reply(ctx.t('events-ask-occupation'), { reply_markup: keyboard })
  const index = await ask(
    (c) => {
      const action = actionOf(c)
      return action?.kind === 'occupation' && action.index < occupations.length ? action.index : undefined
    },
    (c) => c.reply(c.t('events-ask-choice-again'), { reply_markup: keyboard }),
  )
  return zhLabel(`events-occupation-${occupations[index] ?? 'other'}`)
}

/**
 * Platforms are a multiple choice (many riders work for two): taps toggle a ✅ on the same message,
 * 选好了 ends it. Kept as "美团、饿了么" in the one text field the registration has.
 */
export async function pickPlatforms(ctx: ConversationContext, ask: Ask, actionOf: ActionOf): Promise<string> {
  const chosen = new Set<number>()
  const keyboard = () =>
    choiceKeyboard(
      ctx.t,
      [
        ...platforms.map((option, index) => ({
          label: `${chosen.has(index) ? '✅ ' : ''}${ctx.t(`events-platform-${option}`)}`,
          data: eventFormCallbacks.platform.pack({ index }),
        })),
        { label: ctx.t('events-button-platform-done'), data: eventFormCallbacks.platformDone.pack() },
      ],
      3,
    )
  await ctx.reply(ctx.t('events-ask-platform'), { reply_markup: keyboard() })
  const picked = await ask(
    (c) => {
      const action = actionOf(c)
      if (action?.kind === 'platform' && action.index < platforms.length) {
        if (chosen.has(action.index)) chosen.delete(action.index)
        else chosen.add(action.index)
        return undefined
      }
      return action?.kind === 'platformDone' && chosen.size > 0 ? [...chosen].sort((a, b) => a - b) : undefined
    },
    async (c) => {
      const action = actionOf(c)
      if (action?.kind === 'platform')
        return editKeyboard(c, keyboard(), () => c.reply(c.t('events-ask-platform'), { reply_markup: keyboard() }))
      const key = action?.kind === 'platformDone' ? 'events-ask-platform-none' : 'events-ask-choice-again'
      return c.reply(c.t(key), { reply_markup: keyboard() })
    },
  )
  return picked.map((index) => zhLabel(`events-platform-${platforms[index] ?? 'other'}`)).join(translate('zh', 'events-list-separator'))
}
