/**
 * The determination vocabulary, written once: what a count's decision can be, the order every output lists
 * them in, the relief tracks (remedies) in the order a court reads the schedules, and the marker of a related
 * charge. Models, marts, renderers and tests import these; none spells them again.
 */

/** A count's decision, in the order every table, chart and summary lists them. */
export const DETERMINATIONS = ['dismiss', 'reduce', 'review', 'not_eligible'] as const
export type Determination = (typeof DETERMINATIONS)[number]

/** Determinations that grant relief (any remedy track). */
export const RELIEF_DETERMINATIONS = ['dismiss', 'reduce'] as const satisfies readonly Determination[]

/**
 * What the public marts publish per breakdown: each determination, then 'relief' (dismiss or reduce) and
 * 'all' (every in-scope count), each counted directly so people are distinct within the cell.
 */
export const OUTCOMES = [...DETERMINATIONS, 'relief', 'all'] as const
export type Outcome = (typeof OUTCOMES)[number]

/**
 * The remedy (relief track) of a count, count_determinations.remedy, in schedule order: relief requested
 * first, then the cases still under review, then the People's challenges.
 */
export const REMEDIES = [
  'dismiss_and_seal',
  'redesignate',
  'recall_and_resentence',
  'review',
  'not_eligible',
] as const
export type Remedy = (typeof REMEDIES)[number]

/**
 * The statute rule id a related charge carries (a non-Prop 64 conviction a DA policy reaches with the
 * cycle): count_determinations.is_related is true exactly for these rows. They are counted apart from the
 * Prop 64 counts everywhere.
 */
export const RELATED_CHARGE_RULE_ID = 'P64-SCOPE-01'

/** The known values first, in their order, then any others seen (from a policy layer), sorted. */
export const ordered = (known: readonly string[], seen: Iterable<string>): string[] => [
  ...known,
  ...[...new Set(seen)].filter((v) => !known.includes(v)).sort(),
]
