-- model:      mart_summary_people
-- layer:      mart (view)
-- grain:      one row per area (statewide, or county of an in-scope count)
-- depends on: run_params, int_convictions, count_determinations, ref_counties
create or replace view mart_summary_people as
with as_of as (select as_of_date as d from "run_params"),
record as (
  -- Each in-scope person's whole record after this run's relief.
  select
    c.subject_id,
    bool_or(c.conviction_level = 'felony') as had_felony,
    bool_and(c.conviction_level is distinct from 'felony' or coalesce(d.determination in ('dismiss', 'reduce'), false)) as no_felony_after,
    bool_and(coalesce(d.determination = 'dismiss', false)) as no_conviction_after,
    bool_or(c.conviction_date is null
      or (c.conviction_date > (select d from as_of) - interval 7 year and c.conviction_date <= (select d from as_of)))
      as convicted_in_last_7_years
  from "int_convictions" c
  left join "count_determinations" d on d.subject_id = c.subject_id and d.cnt_order = c.cnt_order
  where c.subject_id in (select subject_id from "count_determinations")
  group by c.subject_id
),
person_county as (
  select case when county in (select county from "ref_counties") then county else 'Unknown county' end as county, subject_id, bool_or(determination in ('dismiss', 'reduce')) as affected
  from "count_determinations"
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
select true, null, 0, 0, 0, 0, 0 where not exists (select 1 from cells where statewide);
comment on view mart_summary_people is 'one row per area (statewide, or county of an in-scope count)';
