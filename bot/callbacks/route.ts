import type { CallbackQueryContext, Composer, Context } from 'grammy'
import type { CallbackDefinition, Fields, Values } from './codec.js'

/**
 * Routes the buttons of one definition with grammY's `callbackQuery`: the filter takes the shape,
 * `unpack` the ranges. Data of the right shape but out of range (forged, or from another version)
 * goes on, to end in the namespace's "button no longer works" answer.
 */
export function onCallback<C extends Context, F extends Fields>(
  composer: Composer<C>,
  definition: CallbackDefinition<F>,
  handler: (ctx: CallbackQueryContext<C>, values: Values<F>) => unknown,
): void {
  composer.callbackQuery(definition.filter, async (ctx, next) => {
    const values = definition.unpack(ctx.callbackQuery.data)
    if (values === undefined) return next()
    await handler(ctx, values)
  })
}
