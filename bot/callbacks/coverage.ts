import { defineCallback, intIn, namespaceFilter, optional, text } from './codec.js'

/** The periods /coverage looks back over, in days. */
export const coveragePeriods = [7, 30, 90] as const
export type CoveragePeriod = (typeof coveragePeriods)[number]

/**
 * /coverage for organizers and admins: one city's report over a period. Without a city: the
 * searches far from every station (admins only). Every handler re-checks the sender's scope.
 */
export const coverageCallbacks = {
  show: defineCallback('cv:show', { days: intIn(coveragePeriods), city: optional(text(20)) }),
  /** Back to the list of areas with searches. */
  cities: defineCallback('cv:cities'),
}

export const coverageStale = namespaceFilter('cv')
