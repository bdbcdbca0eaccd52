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
outcomes as (
  select *, determination as outcome from labelled
  union all select *, 'relief' as outcome from labelled where determination in ('dismiss', 'reduce')
  union all select *, 'all' as outcome from labelled),
agg as (
  select case when grouping(race_group) = 1 then 'all' else race_group end as race_group, case when grouping(gender) = 1 then 'all' else gender end as gender, case when grouping(age_band) = 1 then 'all' else age_band end as age_band, outcome,
    count(*)::int as counts, count(distinct subject_id)::int as people
  from outcomes
  group by grouping sets ((race_group, gender, age_band, outcome), (race_group, outcome), (gender, outcome),
    (age_band, outcome), (outcome))
)
select a.*, p.adults
from agg a
left join "mart_relief_population" p
  on p.population_group = a.race_group and a.gender = 'all' and a.age_band = 'all'
order by a.race_group = 'all' desc, a.race_group, a.gender = 'all' desc, a.gender, a.age_band = 'all' desc,
  a.age_band, case a.outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 when 'all' then 5 end;
comment on table mart_relief_by_demographics is 'one row per race group x gender x age band (each possibly ''all'') x outcome, where counts exist';
