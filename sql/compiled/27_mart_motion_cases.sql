-- model:      mart_motion_cases
-- layer:      mart (view)
-- grain:      one row per court case (subject_id, case number) x remedy x determination x reduced level x layer x related
-- depends on: count_determinations, int_convictions, int_subjects
create or replace view mart_motion_cases as
with counts as (
  select
    d.county, d.court, d.remedy, d.determination, d.subject_id, d.case_number, d.cnt_order,
    d.conviction_date, d.code_section, d.rule_id, d.reason, d.reduced_level, d.layer, d.is_related,
    coalesce('#' || d.case_number, '@' || i.cyc_order || '/' || coalesce(d.conviction_date, ''), '!' || d.cnt_order)
      as case_key
  from "count_determinations" d
  left join "int_convictions" i on i.subject_id = d.subject_id and i.cnt_order = d.cnt_order
),
cases as (
  select
    county, court, remedy, determination, reduced_level, layer, is_related, subject_id, case_key,
    any_value(case_number) as case_number,
    list_sort(list(code_section)) as sections,
    array_to_string(list_sort(list_distinct(list(conviction_date))), '; ') as conviction_date,
    count(*)::int as counts,
    array_to_string(list_sort(list(cnt_order)), '; ') as count_orders,
    array_to_string(list_sort(list_distinct(list(rule_id))), '; ') as rule_ids,
    array_to_string(list_sort(list_distinct(list(reason))), ' | ') as reason
  from counts
  group by all
)
select
  c.county, c.court, c.remedy, c.determination, c.reduced_level, c.layer, c.is_related,
  c.case_number, c.subject_id,
  s.name,
  array_to_string(list_filter(coalesce(s.names, []), n -> n is distinct from s.name), '; ') as aka,
  strftime(s.dob, '%Y-%m-%d') as dob,
  s.cii_number,
  nullif(c.conviction_date, '') as conviction_date,
  -- 'HS 11357(B); HS 11359 x2': each section once, with its number of counts when more than one.
  array_to_string(list_transform(list_sort(list_distinct(c.sections)), x ->
    x || case when len(list_filter(c.sections, y -> y = x)) > 1 then ' x' || len(list_filter(c.sections, y -> y = x)) else '' end
  ), '; ') as code_sections,
  c.counts,
  c.count_orders,
  coalesce(c.rule_ids, '') as rule_ids,
  coalesce(c.reason, '') as reason,
  row_number() over (
    order by c.county nulls last, c.court nulls last, case c.remedy when 'dismiss_and_seal' then 0 when 'redesignate' then 1 when 'recall_and_resentence' then 2 when 'review' then 3 when 'not_eligible' then 4 else 5 end, c.remedy,
      c.determination, c.case_number nulls last, c.subject_id, c.conviction_date nulls last,
      c.reduced_level nulls last, c.is_related, c.layer, c.case_key
  )::int as motion_order
from cases c
left join "int_subjects" s on s.subject_id = c.subject_id;
comment on view mart_motion_cases is 'one row per court case (subject_id, case number) x remedy x determination x reduced level x layer x related';
