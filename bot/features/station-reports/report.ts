import { checkInAtStation, fileStationReport, type ProblemKind } from '../../../core/station-reports.js'
import type { NewFeedbackMessage } from '../../../db/repositories/feedback.js'
import { shanghaiTime } from '../../../domain/time.js'
import type { BotDeps } from '../../context.js'
import type { Translate } from '../../i18n.js'
import { ticketNotices } from '../../ui/feedback-notices.js'

/** A rider's own words, photo or voice message (其它). */
export type Details = { text: string; file: { id: string; kind: 'photo' | 'voice' } | null }

/** What happened, in plain values (it crosses a conversation's `external`). */
export type Outcome =
  { kind: 'filed'; number: string } | { kind: 'checked-in' } | { kind: 'too-soon'; nextAt: string } | { kind: 'gone' | 'limited' }

/** The ticket's first message: the choice as the rider saw it, then their own words. */
function ticketMessage(t: Translate, kind: ProblemKind, details: Details): NewFeedbackMessage {
  const head = t('station-report-ticket-head', { what: t(`station-report-kind-${kind}`) })
  const text = details.text.trim() === '' ? head : `${head}\n${details.text.trim()}`
  return { kind: details.file?.kind ?? 'text', text, fileId: details.file?.id ?? null }
}

export async function fileReport(
  deps: BotDeps,
  t: Translate,
  input: { userId: number; stationId: number; kind: ProblemKind; details: Details },
): Promise<Outcome> {
  const { details } = input
  const result = await fileStationReport(
    deps,
    ticketNotices,
    { id: input.userId },
    {
      stationId: input.stationId,
      kind: input.kind,
      text: details.text.trim(),
      file: details.file,
      message: ticketMessage(t, input.kind, details),
    },
  )
  if (result.kind === 'filed') return { kind: 'filed', number: result.ticket.number }
  if (result.kind === 'too-soon') return { kind: 'too-soon', nextAt: result.nextAt.toISOString() }
  return { kind: result.kind }
}

export async function checkIn(deps: BotDeps, userId: number, stationId: number): Promise<Outcome> {
  const result = await checkInAtStation(deps, { id: userId }, stationId)
  if (result.kind === 'too-soon') return { kind: 'too-soon', nextAt: result.nextAt.toISOString() }
  return { kind: result.kind }
}

/** The rider's answer to an outcome. */
export function outcomeText(t: Translate, outcome: Outcome, deps: Pick<BotDeps, 'config'>, checkedIn = false): string {
  switch (outcome.kind) {
    case 'filed':
      return t('station-report-filed', { number: outcome.number, hours: deps.config.stationReportFadeHours })
    case 'checked-in':
      return t('station-report-checked-in')
    case 'too-soon':
      return t(checkedIn ? 'station-report-check-in-too-soon' : 'station-report-too-soon', { time: shanghaiTime(new Date(outcome.nextAt)) })
    case 'limited':
      return t('feedback-rate-limited', { max: deps.config.feedbackMaxPerHour })
    case 'gone':
      return t('station-gone')
  }
}
