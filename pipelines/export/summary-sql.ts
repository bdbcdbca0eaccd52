/**
 * Every number of the press summary, computed in SQL from count_determinations and the intermediate tables,
 * statewide (grouping set ()) and per county of the court (grouping set (county)).
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

export interface ConvictionCellRow {
  statewide: boolean
  county: string | null
  dim: 'all' | 'determination' | 'relief'
  value: string
  convictions: number
  people: number
}

export interface PeopleRow {
  statewide: boolean
  county: string | null
  people_in_scope: number
  affected: number
  left_with_no_felony: number
  left_with_no_conviction: number
  no_conviction_in_last_7_years: number
}

const RELIEF = `determination in ('dismiss', 'reduce')`

export const CONVICTION_CELLS_SQL = `
select grouping(county) = 1 as statewide, county, 'all' as dim, 'all' as value,
  count(*)::int as convictions, count(distinct subject_id)::int as people
from count_determinations group by grouping sets ((), (county))
union all
select grouping(county) = 1, county, 'determination', determination, count(*)::int, count(distinct subject_id)::int
from count_determinations group by grouping sets ((determination), (county, determination))
union all
select grouping(county) = 1, county, 'relief', remedy, count(*)::int, count(distinct subject_id)::int
from count_determinations group by grouping sets ((remedy), (county, remedy))
order by statewide desc, county nulls last, dim, value`

export const PEOPLE_SQL = `
with as_of as (select as_of_date as d from run_params),
record as (
  -- Each in-scope person's whole record after this run's relief.
  select
    c.subject_id,
    bool_or(c.conviction_level = 'felony') as had_felony,
    bool_and(c.conviction_level is distinct from 'felony' or coalesce(d.${RELIEF}, false)) as no_felony_after,
    bool_and(coalesce(d.determination = 'dismiss', false)) as no_conviction_after,
    bool_or(c.conviction_date is null
      or (c.conviction_date > (select d from as_of) - interval 7 year and c.conviction_date <= (select d from as_of)))
      as convicted_in_last_7_years
  from int_convictions c
  left join count_determinations d on d.subject_id = c.subject_id and d.cnt_order = c.cnt_order
  where c.subject_id in (select subject_id from count_determinations)
  group by c.subject_id
),
person_county as (
  select county, subject_id, bool_or(${RELIEF}) as affected
  from count_determinations
  group by all
)
select
  grouping(county) = 1 as statewide,
  county,
  count(distinct subject_id)::int as people_in_scope,
  count(distinct subject_id) filter (where affected)::int as affected,
  count(distinct subject_id) filter (where affected and had_felony and no_felony_after)::int as left_with_no_felony,
  count(distinct subject_id) filter (where affected and no_conviction_after)::int as left_with_no_conviction,
  count(distinct subject_id) filter (where affected and not convicted_in_last_7_years)::int
    as no_conviction_in_last_7_years
from person_county join record using (subject_id)
group by grouping sets ((), (county))
order by statewide desc, county nulls last`
