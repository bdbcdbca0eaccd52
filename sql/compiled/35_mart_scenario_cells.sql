-- model:      mart_scenario_cells
-- layer:      mart (view)
-- grain:      one row per charge kind x county x code section x level x determination x layer x race group x gender x age band, where counts exist
-- depends on: ref_counties, count_determinations
create or replace view mart_scenario_cells as
select
  case when is_related then 'related' else 'prop64' end as charge_kind,
  case when county in (select county from "ref_counties") then county else 'Unknown county' end as county,
  coalesce(code_section, 'unknown') as code_section,
  coalesce(conviction_level, 'unknown') as conviction_level,
  determination,
  layer,
  race_group,
  coalesce(gender, 'unknown') as gender,
  case
    when age_at_conviction is null then 'unknown' when age_at_conviction < 18 then 'under 18' when age_at_conviction < 21 then '18-20'
    when age_at_conviction < 25 then '21-24' when age_at_conviction < 35 then '25-34' when age_at_conviction < 45 then '35-44'
    when age_at_conviction < 55 then '45-54' else '55+' end as age_band,
  count(*) as convictions,
  count(distinct subject_id) as people
from "count_determinations"
group by all;
comment on view mart_scenario_cells is 'one row per charge kind x county x code section x level x determination x layer x race group x gender x age band, where counts exist';
