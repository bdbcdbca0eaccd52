-- model:      mart_doj_count_values
-- layer:      mart (view)
-- grain:      one row per decided count (subject_id, cnt_order), as count_determinations
-- depends on: run_params, count_determinations
create or replace view mart_doj_count_values as
select
  county,
  subject_id,
  cnt_order,
  (coalesce(offense_date, conviction_date)::date >= date '2016-11-09')::varchar as occurred_after,
  nullif(prior_superstrike_sections, '') as superstrike_sections,
  nullif(prior_pc290_sections, '') as pc290_sections,
  prior_pc290_registration::varchar as pc290_registration,
  strftime(conviction_date::date, '%Y%m%d') as conviction_date,
  cast(round(datediff('day', conviction_date::date, (select as_of_date from "run_params")) / 365.25, 2) as decimal(8, 2))::varchar as years_since_this,
  determination,
  reason,
  remedy,
  rule_id,
  reduced_level
from "count_determinations";
comment on view mart_doj_count_values is 'one row per decided count (subject_id, cnt_order), as count_determinations';
