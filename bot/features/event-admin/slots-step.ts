import { InlineKeyboard } from 'grammy'
import { eventAdminCallbacks } from '../../callbacks/event-admin.js'
import type { BotConversation, ConversationContext } from '../../context.js'
import { accept, ask, retry } from './steps.js'
import { generateSlots, parseSlotRule } from './time-input.js'

export type SlotPlan = { startsAt: Date; endsAt: Date; capacity: number }[]
type StoredSlot = { startsAt: number; endsAt: number; capacity: number }

/**
 * Asks whether to split the event into slots. With slots the total is their sum, so when it differs
 * from the capacity typed just before, the organizer is shown how the total was made and chooses:
 * keep the slots' sum, share the typed capacity evenly (when it divides), or set the slots again.
 * Nothing is overwritten without a word.
 */
export async function askSlots(
  conversation: BotConversation,
  ctx: ConversationContext,
  event: { startsAt: Date; endsAt: Date; capacity: number },
): Promise<{ slots: SlotPlan; capacity: number }> {
  const t = ctx.t.bind(ctx)
  for (;;) {
    const noSlots = new InlineKeyboard().text(t('eventadmin-button-no-slots'), eventAdminCallbacks.step.pack({ step: 'noslots' }))
    const stored = await ask<StoredSlot[]>(
      conversation,
      ctx,
      { text: t('eventadmin-ask-slots'), keyboard: noSlots },
      async (update, button) => {
        if (button?.step === 'noslots') return accept([])
        const rule = update.message?.text === undefined ? undefined : parseSlotRule(update.message.text)
        if (rule === undefined) return retry(t('eventadmin-bad-slots'))
        const generated = generateSlots(event.startsAt, event.endsAt, rule)
        if (generated === undefined) return retry(t('eventadmin-slots-dont-fit'))
        const total = generated.reduce((sum, slot) => sum + slot.capacity, 0)
        if (total > 10_000) return retry(t('eventadmin-bad-capacity'))
        return accept(
          generated.map((slot) => ({ startsAt: slot.startsAt.getTime(), endsAt: slot.endsAt.getTime(), capacity: slot.capacity })),
        )
      },
    )
    const slots = stored.map((slot) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt), capacity: slot.capacity }))
    if (slots.length === 0) return { slots, capacity: event.capacity }
    const perSlot = slots[0]?.capacity ?? 0
    const total = perSlot * slots.length
    if (total === event.capacity) return { slots, capacity: total }

    const even = event.capacity % slots.length === 0 ? event.capacity / slots.length : undefined
    const choices = new InlineKeyboard()
      .text(t('eventadmin-button-slots-sum', { total }), eventAdminCallbacks.step.pack({ step: 'slotsum' }))
      .row()
    if (even !== undefined)
      choices
        .text(
          t('eventadmin-button-slots-even', { capacity: event.capacity, perSlot: even }),
          eventAdminCallbacks.step.pack({ step: 'sloteven' }),
        )
        .row()
    choices.text(t('eventadmin-button-slots-again'), eventAdminCallbacks.step.pack({ step: 'slotagain' }))
    const question = t('eventadmin-slots-total-differs', { capacity: event.capacity, count: slots.length, perSlot, total })
    const choice = await ask<'slotsum' | 'sloteven' | 'slotagain'>(
      conversation,
      ctx,
      { text: question, keyboard: choices },
      async (_update, button) => {
        const step = button?.step
        if (step === 'slotsum' || step === 'slotagain' || (step === 'sloteven' && even !== undefined)) return accept(step)
        return retry(t('eventadmin-pick-button'))
      },
    )
    if (choice === 'slotsum') return { slots, capacity: total }
    if (choice === 'sloteven' && even !== undefined)
      return { slots: slots.map((slot) => ({ ...slot, capacity: even })), capacity: event.capacity }
  }
}
