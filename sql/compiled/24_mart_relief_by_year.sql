-- model:      mart_relief_by_year
-- layer:      mart (table)
-- grain:      one row per conviction year (or 'all') x outcome, for years with at least one in-scope count
-- depends on: count_determinations
create or replace table mart_relief_by_year as
with labelled as (
  select
    subject_id,
    case when is_related then 'related' else 'prop64' end as charge_kind,
    coalesce(county, 'unknown') as county,
    coalesce(conviction_year::varchar, 'unknown') as conviction_year,
    coalesce(code_section, 'unknown') as code_section,
    coalesce(conviction_level, 'unknown') as conviction_level,
    coalesce(race_group, 'unknown') as race_group,
    case gender when 'M' then 'male' when 'F' then 'female' else 'unknown' end as gender,
    case
    when age_at_conviction is null then 'unknown' when age_at_conviction < 18 then 'under 18' when age_at_conviction < 21 then '18-20'
    when age_at_conviction < 25 then '21-24' when age_at_conviction < 35 then '25-34' when age_at_conviction < 45 then '35-44'
    when age_at_conviction < 55 then '45-54' else '55+' end as age_band,
    statute_determination,
    determination
  from "count_determinations"
  where not coalesce(is_related, false))
select conviction_year, outcome, counts, people
from (
  select case when g_conviction_year = 1 then 'all' else conviction_year end as conviction_year, g_conviction_year,
    c.outcome, c.outcome_ord, c.counts, c.people
  from (
    select conviction_year, g_conviction_year, unnest([{outcome: 'dismiss', outcome_ord: 0, counts: sum("n_dismiss")::int, people: (count(*) filter (where "n_dismiss" > 0))::int},
      {outcome: 'reduce', outcome_ord: 1, counts: sum("n_reduce")::int, people: (count(*) filter (where "n_reduce" > 0))::int},
      {outcome: 'review', outcome_ord: 2, counts: sum("n_review")::int, people: (count(*) filter (where "n_review" > 0))::int},
      {outcome: 'not_eligible', outcome_ord: 3, counts: sum("n_not_eligible")::int, people: (count(*) filter (where "n_not_eligible" > 0))::int},
      {outcome: 'relief', outcome_ord: 4, counts: sum("n_relief")::int, people: (count(*) filter (where "n_relief" > 0))::int},
      {outcome: 'all', outcome_ord: 5, counts: sum("n_all")::int, people: (count(*) filter (where "n_all" > 0))::int}]) as c
    from (
      select conviction_year, grouping(conviction_year) as g_conviction_year,
        count(*) filter (where determination = 'dismiss') as "n_dismiss",
        count(*) filter (where determination = 'reduce') as "n_reduce",
        count(*) filter (where determination = 'review') as "n_review",
        count(*) filter (where determination = 'not_eligible') as "n_not_eligible",
        count(*) filter (where determination in ('dismiss', 'reduce')) as "n_relief",
        count(*) as "n_all"
      from labelled
      group by grouping sets ((conviction_year, subject_id), (subject_id))
    ) per_person
    group by conviction_year, g_conviction_year
  ) cells
  where c.counts > 0)
order by g_conviction_year desc, conviction_year, outcome_ord;
comment on table mart_relief_by_year is 'one row per conviction year (or ''all'') x outcome, for years with at least one in-scope count';
