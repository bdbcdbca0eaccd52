import { sql } from 'kysely'
import { publicCounty } from '../helpers/public-county.ts'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { int_convictions } from '../intermediate/int_convictions.ts'
import { run_params } from '../seeds/run_params.ts'
import { isRelief } from '../helpers/determinations.ts'

/**
 * The people measures of the press summary (public/summary.json), statewide (grouping set ()) and per county
 * of the court (grouping set (county)). A view: it is read once, when the summary is written.
 *
 * Definitions (people are distinct SUBJECT_IDs):
 * - relief: a count whose final determination is dismiss or reduce (any remedy track);
 * - affected: has at least one count getting relief;
 * - left with no felony: affected, had at least one felony conviction (any offense, anywhere in the record),
 *   and every felony conviction gets relief in this run;
 * - left with no conviction: affected and every conviction of any kind is dismissed in this run;
 * - no conviction in the last 7 years: affected and no conviction dated in (as-of minus 7 years, as-of];
 *   a conviction with no readable date counts as possibly recent.
 * A person is counted in every county where they have a count (for "affected", a count getting relief);
 * the statewide figure counts them once, so county figures need not add up to it.
 * For conviction cells, `people` is the number of distinct people behind the cell, used only to decide
 * small-cell suppression.
 */
export const mart_summary_people: Model = {
  name: 'mart_summary_people',
  layer: 'mart',
  materialized: 'view',
  grain: 'one row per area (statewide, or county of an in-scope count)',
  sql: () => sql`
with as_of as (select as_of_date as d from ${ref(run_params)}),
record as (
  -- Each in-scope person's whole record after this run's relief.
  select
    c.subject_id,
    bool_or(c.conviction_level = 'felony') as had_felony,
    bool_and(c.conviction_level is distinct from 'felony' or coalesce(${raw(isRelief('d.determination'))}, false)) as no_felony_after,
    bool_and(coalesce(d.determination = 'dismiss', false)) as no_conviction_after,
    bool_or(c.conviction_date is null
      or (c.conviction_date > (select d from as_of) - interval 7 year and c.conviction_date <= (select d from as_of)))
      as convicted_in_last_7_years
  from ${ref(int_convictions)} c
  left join ${ref(count_determinations)} d on d.subject_id = c.subject_id and d.cnt_order = c.cnt_order
  where c.subject_id in (select subject_id from ${ref(count_determinations)})
  group by c.subject_id
),
person_county as (
  select ${publicCounty('county')} as county, subject_id, bool_or(${raw(isRelief())}) as affected
  from ${ref(count_determinations)}
  group by all
),
-- One row per person (statewide) and per person and county, so each cell counts a person once with a plain
-- count (a count(distinct) per measure over grouping sets cost more than all the rest of the view).
person as (select subject_id, bool_or(affected) as affected from person_county group by subject_id),
cells as (
  select true as statewide, null::varchar as county, p.affected, r.*
  from person p join record r using (subject_id)
  union all by name
  select false as statewide, pc.county, pc.affected, r.*
  from person_county pc join record r using (subject_id)
)
select
  statewide,
  county,
  count(*)::int as people_in_scope,
  count(*) filter (where affected)::int as affected,
  count(*) filter (where affected and had_felony and no_felony_after)::int as left_with_no_felony,
  count(*) filter (where affected and no_conviction_after)::int as left_with_no_conviction,
  count(*) filter (where affected and not convicted_in_last_7_years)::int as no_conviction_in_last_7_years
from cells
group by statewide, county
union all
-- The statewide row is always there: zeros when nobody is in scope.
select true, null, 0, 0, 0, 0, 0 where not exists (select 1 from cells where statewide)`,
}
