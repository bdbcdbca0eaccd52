/**
 * The public form of mart_court_only_by_county_year ("cases the DOJ list missed"), published only when the run
 * reconciled a court index. Its cells are a layer of their own: court-only convictions never add up to the
 * DOJ-based cells of the other marts.
 */
import type { PublicMartSpec } from './public-marts.ts'

export const COURT_ONLY_MART: PublicMartSpec = {
  name: 'mart_court_only_by_county_year',
  order: `county = 'all' desc, county, conviction_year = 'all' desc, conviction_year, case outcome when 'dismiss' then 0
    when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 else 5 end`,
  withheld: ['counts', 'people'],
  cell: (r) => ({
    counts: Number(r.counts),
    people: Number(r.people),
    outcome: String(r.outcome),
    layer: 'court_only',
    dims: { county: String(r.county), conviction_year: String(r.conviction_year) },
  }),
}
