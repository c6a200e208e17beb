import { isMerchantOf } from '../../../db/repositories/merchants.js'
import { canManage, isOrganizer } from '../../../db/repositories/roles.js'
import { findStation, type StationRecord } from '../../../db/repositories/stations.js'
import type { User } from '../../../db/schema/index.js'
import type { BaseContext, BotDeps } from '../../context.js'

/** The station when `user` may manage it (organizer scope, admin); undefined otherwise or when it does not exist. */
export async function stationToManage(deps: BotDeps, user: User | undefined, stationId: number): Promise<StationRecord | undefined> {
  if (user === undefined || !isOrganizer(user)) return undefined
  const station = await findStation(deps.db, stationId)
  if (station === undefined) return undefined
  return (await canManage(deps.db, user, { city: station.city, stationId })) ? station : undefined
}

/** The active station when `user` is one of its merchants. */
export async function stationOfMerchant(deps: BotDeps, user: User | undefined, stationId: number): Promise<StationRecord | undefined> {
  if (user === undefined || !(await isMerchantOf(deps.db, user.id, stationId))) return undefined
  const station = await findStation(deps.db, stationId)
  return station?.active === true ? station : undefined
}

/** A friendly no, as a toast on a button or a reply to a message. */
export async function refuse(ctx: BaseContext, key = 'sm-refused'): Promise<void> {
  if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true })
  else await ctx.reply(ctx.t(key))
}
