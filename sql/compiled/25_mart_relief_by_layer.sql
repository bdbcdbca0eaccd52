-- model:      mart_relief_by_layer
-- layer:      mart (table)
-- grain:      one row per layer (statute, final) x charge kind (prop64, related) x race group / gender / age band margin (or 'all') x outcome
-- depends on: count_determinations
create or replace table mart_relief_by_layer as
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
  from "count_determinations"),
both_layers as (
  select *, 'statute' as layer, statute_determination as layer_determination from labelled
  union all
  select *, 'final' as layer, determination as layer_determination from labelled
),
outcomes as (
  select *, layer_determination as outcome from both_layers
  union all select *, 'relief' as outcome from both_layers where layer_determination in ('dismiss', 'reduce')
  union all select *, 'all' as outcome from both_layers)
select layer, charge_kind, case when grouping(race_group) = 1 then 'all' else race_group end as race_group, case when grouping(gender) = 1 then 'all' else gender end as gender, case when grouping(age_band) = 1 then 'all' else age_band end as age_band, outcome,
  count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((layer, charge_kind, race_group, outcome), (layer, charge_kind, gender, outcome),
  (layer, charge_kind, age_band, outcome), (layer, charge_kind, outcome))
order by layer desc, charge_kind desc, race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc,
  age_band, case outcome when 'dismiss' then 0 when 'reduce' then 1 when 'review' then 2 when 'not_eligible' then 3 when 'relief' then 4 when 'all' then 5 end;
comment on table mart_relief_by_layer is 'one row per layer (statute, final) x charge kind (prop64, related) x race group / gender / age band margin (or ''all'') x outcome';
