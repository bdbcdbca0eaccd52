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
  where not coalesce(is_related, false)),
outcomes as (
  select *, determination as outcome from labelled
  union all select *, 'relief' as outcome from labelled where determination in ('dismiss', 'reduce')
  union all select *, 'all' as outcome from labelled)
select case when grouping(conviction_year) = 1 then 'all' else conviction_year end as conviction_year, outcome, count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((conviction_year, outcome), (outcome))
order by grouping(conviction_year) desc, conviction_year, case outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 when 'all' then 5 end;
comment on table mart_relief_by_year is 'one row per conviction year (or ''all'') x outcome, for years with at least one in-scope count';
