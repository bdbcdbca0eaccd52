import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { ref_counties, ref_county_population } from '../seeds/reference_tables.ts'
import { run_params } from '../seeds/run_params.ts'
import { mart_relief_population } from './mart_relief_population.ts'
import { publicCounty } from '../helpers/public-county.ts'
import { PROP64_COUNTS, OUTCOME_VALUES, outcomeCells } from './mart_relief_outcomes.ts'

/**
 * Relief by county of conviction, with the rate per 100,000 residents (2020 Census). A statewide run lists
 * all 58 counties (zero where the extract has none) so the map has no holes; a --county run lists its county.
 * County 'all' is the run's total; its residents are those of the counties of the run (mart_relief_population).
 */
export const mart_relief_by_county: Model = {
  name: 'mart_relief_by_county',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per county (or 'all') x outcome (dismiss, reduce, review, not_eligible, relief, all)",
  sql: () => sql`
with labelled as (select * replace (${publicCounty('county')} as county) from (${PROP64_COUNTS})),
agg as (
  select county, outcome, counts, people
  from (${raw(outcomeCells({ from: 'labelled', sets: [['county'], []] }))})
),
counties as (
  select county_code, county, fips from ${ref(ref_counties)}
  where (select county_filter from ${ref(run_params)}) is null or county = (select county_filter from ${ref(run_params)})
  union all
  select distinct null, county, null from labelled where county not in (select county from ${ref(ref_counties)})
  union all
  select null, 'all', null
),
residents as (
  select county, total::int as residents from ${ref(ref_county_population)}
  union all
  select 'all', residents from ${ref(mart_relief_population)} where population_group = 'all'
)
select
  c.county_code,
  c.county,
  c.fips,
  o.outcome,
  coalesce(a.counts, 0)::int as counts,
  coalesce(a.people, 0)::int as people,
  r.residents,
  round(coalesce(a.counts, 0) * 100000.0 / nullif(r.residents, 0), 2)::double as counts_per_100k,
  round(coalesce(a.people, 0) * 100000.0 / nullif(r.residents, 0), 2)::double as people_per_100k
from counties c
cross join ${raw(OUTCOME_VALUES)}
left join agg a on a.county = c.county and a.outcome = o.outcome
left join residents r on r.county = c.county
order by c.county = 'all' desc, c.county, o.outcome_ord`,
}
