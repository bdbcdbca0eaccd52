import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { court_only_determinations } from '../determinations/court_only_determinations.ts'
import { publicCounty } from '../helpers/public-county.ts'
import { dim, outcomeOrder, outcomeRows } from './mart_relief_outcomes.ts'

/**
 * Cases the DOJ list missed: court-only cannabis convictions by county and year of conviction, per final
 * determination (plus 'relief' and 'all'), counted like the relief marts. The report publishes it suppressed.
 */
export const mart_court_only_by_county_year: Model = {
  name: 'mart_court_only_by_county_year',
  layer: 'mart',
  materialized: 'table',
  grain:
    "one row per county (or 'all') x conviction year (or 'all') x outcome with at least one court-only count",
  sql: () => sql`
with labelled as (
  select subject_id, ${publicCounty('county')} as county,
    coalesce(conviction_year::varchar, 'unknown') as conviction_year, determination
  from ${ref(court_only_determinations)}
),
outcomes as (${raw(outcomeRows())})
select ${raw(dim('county'))}, ${raw(dim('conviction_year'))}, outcome, count(*)::int as counts,
  count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((county, conviction_year, outcome), (county, outcome), (conviction_year, outcome), (outcome))
order by grouping(county) desc, county, grouping(conviction_year) desc, conviction_year, ${raw(outcomeOrder())}`,
}
