-- model:      mart_relief_by_offense
-- layer:      mart (table)
-- grain:      one row per code section (or 'all') x conviction level (or 'all') x outcome, where counts exist
-- depends on: count_determinations
create or replace table mart_relief_by_offense as
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
select case when grouping(code_section) = 1 then 'all' else code_section end as code_section, case when grouping(conviction_level) = 1 then 'all' else conviction_level end as conviction_level, outcome,
  count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets (
  (code_section, conviction_level, outcome), (code_section, outcome), (conviction_level, outcome), (outcome)
)
order by grouping(code_section) desc, code_section, grouping(conviction_level) desc, conviction_level,
  case outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 when 'all' then 5 end;
comment on table mart_relief_by_offense is 'one row per code section (or ''all'') x conviction level (or ''all'') x outcome, where counts exist';
