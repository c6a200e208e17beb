import { InputFile } from 'grammy'
import { waitlistPosition } from '../../../core/registration.js'
import type { Database } from '../../../db/client.js'
import { findOwnRegistration } from '../../../db/repositories/event-listing.js'
import type { Event, EventSlot, Registration } from '../../../db/schema/index.js'
import type { BaseContext } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { formatEventMoment, formatEventSpan } from '../../ui/event-time.js'
import { escapeHtml } from '../../ui/html.js'
import { mainKeyboard } from '../../ui/main-keyboard.js'
import { qrPng } from './check-in-qr.js'
import { formatPlace } from './format.js'

/** What to tell the worker about their registration; plain JSON so a conversation can store it. */
export type RegistrationSummary = { text: string; code: string | null }

/** The confirmation (with the check-in code) or the waitlist/offer state of a registration. */
export async function describeRegistration(
  db: Database,
  t: Translate,
  input: { registrationId: number; userId: number; outcome?: 'already' | undefined },
): Promise<RegistrationSummary | undefined> {
  const found = await findOwnRegistration(db, input.registrationId, input.userId)
  if (found === undefined) return undefined
  const { registration } = found
  const waitlistPlace = registration.status === 'waitlisted' ? await waitlistPosition(db, registration) : 0
  return summarizeRegistration(t, { ...found, waitlistPosition: waitlistPlace }, input.outcome)
}

/** describeRegistration for a registration whose event, slot and waitlist place are already at hand (register's result). */
export function summarizeRegistration(
  t: Translate,
  seat: {
    registration: Registration
    event: Event
    slot: Pick<EventSlot, 'startsAt' | 'endsAt'> | null
    stationName: string | null
    waitlistPosition: number
  },
  outcome?: 'already',
): RegistrationSummary {
  const { registration, event, slot, stationName } = seat
  const base = {
    title: escapeHtml(event.title),
    time: slot === null ? formatEventSpan(t, event.startsAt, event.endsAt) : formatEventSpan(t, slot.startsAt, slot.endsAt),
    place: formatPlace(t, event, stationName),
    code: registration.code,
    cutoff: formatEventMoment(t, event.cancelClosesAt),
    already: outcome === 'already' ? 'yes' : 'no',
  }
  if (registration.status === 'confirmed') return { text: t('events-confirmed', base), code: registration.code }
  if (registration.status === 'waitlisted')
    return { text: t('events-waitlisted', { ...base, position: seat.waitlistPosition }), code: null }
  if (registration.status === 'offered') {
    return {
      text: t('events-offered', { ...base, expires: formatEventMoment(t, registration.offerExpiresAt ?? event.startsAt) }),
      code: null,
    }
  }
  return { text: t('events-registration-inactive', base), code: null }
}

/** The link the organizer's phone camera opens: the bot's check-in deep link. */
const checkInLink = (botUsername: string, code: string) => `https://t.me/${botUsername}?start=ci_${code}`

/** Sends the summary, and for a seat the QR code that the organizer scans at the door. */
export async function sendSummary(ctx: BaseContext, summary: RegistrationSummary): Promise<void> {
  await ctx.reply(summary.text, { parse_mode: 'HTML', reply_markup: mainKeyboard(ctx.t, ctx.user) })
  if (summary.code !== null) await sendQr(ctx, summary.code)
}

export async function sendQr(ctx: BaseContext, code: string): Promise<void> {
  const png = qrPng(checkInLink(ctx.me.username, code), { margin: 2, width: 360 })
  await ctx.replyWithPhoto(new InputFile(png, 'checkin.png'), { caption: ctx.t('events-qr-caption', { code }), parse_mode: 'HTML' })
}
