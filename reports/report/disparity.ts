/**
 * Shares and disparity ratios per group, from the published (already suppressed) demographics mart.
 * Pure arithmetic: a ratio built on a withheld number is itself withheld (null), so no derived figure can
 * reopen a cell.
 *
 * Race and gender describe people (a person is in one group), so they are counted in people; the age band
 * describes a conviction, so it is counted in convictions.
 */
import type { DemographicsRow, PopulationRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, byOrder, type Dimension } from '../charts/labels.ts'

export interface DisparityRow {
  dimension: Dimension
  group: string
  unit: 'people' | 'counts'
  /** People (or convictions) with an in-scope count in the group. */
  in_scope: number | null
  /** … of them granted relief (dismiss or reduce) on at least one count (or: convictions granted relief). */
  relief: number | null
  /** relief / in_scope */
  relief_rate: number | null
  /** in_scope / all in scope (every group, unknown included) */
  share_in_scope: number | null
  /** relief / all relief (every group, unknown included) */
  share_relief: number | null
  /** share_relief / share_in_scope = this group's relief rate over the overall relief rate */
  ratio_to_in_scope: number | null
  /** Census adults (18+) of the group in the counties of the run (race only). */
  adults: number | null
  /** adults / all adults (race only) */
  share_population: number | null
  /** share_relief / share_population (race only) */
  ratio_to_population: number | null
  /** relief per 100,000 adults of the group (race only) */
  rate_per_100k_adults: number | null
  /** rate_per_100k_adults / the reference group's rate (race only; reference non-Hispanic white) */
  rate_ratio_to_reference: number | null
}

const div = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || b === 0 ? null : a / b

/** The one-way margin of `dimension` from the demographics mart, with shares and ratios. */
export function disparityRows(
  rows: readonly DemographicsRow[],
  dimension: Dimension,
  population: readonly PopulationRow[] = [],
): DisparityRow[] {
  const spec = DIMENSIONS[dimension]
  const others = (['race_group', 'gender', 'age_band'] as const).filter((d) => d !== dimension)
  const margin = rows.filter((r) => others.every((d) => r[d] === 'all'))
  const value = (group: string, outcome: 'all' | 'relief'): number | null => {
    const r = margin.find((m) => m[dimension] === group && m.outcome === outcome)
    if (!r) return group === 'all' ? null : 0 // a group absent from the mart has no such counts
    if (r.suppressed) return null
    return spec.unit === 'people' ? r.people : r.counts
  }
  const adultsOf = (group: string): number | null =>
    dimension === 'race_group' ? (population.find((p) => p.population_group === group)?.adults ?? null) : null

  const totalInScope = value('all', 'all')
  const totalRelief = value('all', 'relief')
  const totalAdults = adultsOf('all')
  const groups = [...new Set(margin.map((r) => r[dimension]).filter((g) => g !== 'all'))].sort(
    byOrder(spec.order),
  )

  const base = groups.map((group) => {
    const in_scope = value(group, 'all')
    const relief = value(group, 'relief')
    const adults = adultsOf(group)
    const share_in_scope = div(in_scope, totalInScope)
    const share_relief = div(relief, totalRelief)
    const share_population = div(adults, totalAdults)
    return {
      dimension,
      group,
      unit: spec.unit,
      in_scope,
      relief,
      relief_rate: div(relief, in_scope),
      share_in_scope,
      share_relief,
      ratio_to_in_scope: div(share_relief, share_in_scope),
      adults,
      share_population,
      ratio_to_population: div(share_relief, share_population),
      rate_per_100k_adults: adults ? (relief == null ? null : (relief * 100_000) / adults) : null,
      rate_ratio_to_reference: null as number | null,
    }
  })
  const reference = base.find((b) => b.group === spec.reference)?.rate_per_100k_adults ?? null
  for (const b of base) b.rate_ratio_to_reference = div(b.rate_per_100k_adults, reference)
  return base
}
