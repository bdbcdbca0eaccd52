-- model:      mart_relief_by_demographics
-- layer:      mart (table)
-- grain:      one row per race group x gender x age band (each possibly 'all') x outcome, where counts exist
-- depends on: count_determinations, mart_relief_population
create or replace table mart_relief_by_demographics as
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
  where not coalesce(is_related, false)),
agg as (
  select race_group, gender, age_band, outcome, counts, people
  from (
  select case when g_race_group = 1 then 'all' else race_group end as race_group, case when g_gender = 1 then 'all' else gender end as gender, case when g_age_band = 1 then 'all' else age_band end as age_band, g_race_group, g_gender, g_age_band,
    c.outcome, c.outcome_ord, c.counts, c.people
  from (
    select race_group, gender, age_band, g_race_group, g_gender, g_age_band, unnest([{outcome: 'dismiss', outcome_ord: 0, counts: sum("n_dismiss")::int, people: (count(*) filter (where "n_dismiss" > 0))::int},
      {outcome: 'reduce', outcome_ord: 1, counts: sum("n_reduce")::int, people: (count(*) filter (where "n_reduce" > 0))::int},
      {outcome: 'review', outcome_ord: 2, counts: sum("n_review")::int, people: (count(*) filter (where "n_review" > 0))::int},
      {outcome: 'not_eligible', outcome_ord: 3, counts: sum("n_not_eligible")::int, people: (count(*) filter (where "n_not_eligible" > 0))::int},
      {outcome: 'relief', outcome_ord: 4, counts: sum("n_relief")::int, people: (count(*) filter (where "n_relief" > 0))::int},
      {outcome: 'all', outcome_ord: 5, counts: sum("n_all")::int, people: (count(*) filter (where "n_all" > 0))::int}]) as c
    from (
      select race_group, gender, age_band, grouping(race_group) as g_race_group, grouping(gender) as g_gender, grouping(age_band) as g_age_band,
        count(*) filter (where determination = 'dismiss') as "n_dismiss",
        count(*) filter (where determination = 'reduce') as "n_reduce",
        count(*) filter (where determination = 'review') as "n_review",
        count(*) filter (where determination = 'not_eligible') as "n_not_eligible",
        count(*) filter (where determination in ('dismiss', 'reduce')) as "n_relief",
        count(*) as "n_all"
      from labelled
      group by grouping sets ((race_group, gender, age_band, subject_id), (race_group, subject_id), (gender, subject_id), (age_band, subject_id), (subject_id))
    ) per_person
    group by race_group, gender, age_band, g_race_group, g_gender, g_age_band
  ) cells
  where c.counts > 0)
)
select a.*, p.adults
from agg a
left join "mart_relief_population" p
  on p.population_group = a.race_group and a.gender = 'all' and a.age_band = 'all'
order by a.race_group = 'all' desc, a.race_group, a.gender = 'all' desc, a.gender, a.age_band = 'all' desc,
  a.age_band, case a.outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 when 'all' then 5 end;
comment on table mart_relief_by_demographics is 'one row per race group x gender x age band (each possibly ''all'') x outcome, where counts exist';
