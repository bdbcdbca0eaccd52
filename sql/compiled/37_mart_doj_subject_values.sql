-- model:      mart_doj_subject_values
-- layer:      mart (view)
-- grain:      one row per person with an in-scope count (subject_id)
-- depends on: count_determinations, run_params, int_convictions, int_prop64_counts, int_disqualifier_events, int_subjects
create or replace view mart_doj_subject_values as
with people as (select distinct subject_id from "count_determinations"),
convictions as (
  select c.subject_id, count(*) as n,
    max(c.conviction_date) filter (where c.conviction_date <= (select as_of_date from "run_params")) as latest
  from "int_convictions" c join people using (subject_id)
  group by all
),
-- Sorted as a list of (section, text) pairs: string_agg's ORDER BY cost three times as much (issue 11).
sections as (
  select subject_id,
    nullif(array_to_string(list_transform(
      list_sort(list({'section': code_section, 'text': code_section || ' x' || n}) filter (where code_section is not null)),
      s -> s.text), '; '), '') as per_section
  from (
    select p.subject_id, p.code_section, count(*) as n
    from "int_prop64_counts" p join people using (subject_id)
    group by all
  )
  group by all
),
disqualifiers as (
  select e.subject_id,
    array_to_string(list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'superstrike'))), '; ')
      as superstrike_sections,
    array_to_string(list_sort(list_distinct(list(e.code_section) filter (where e.kind = 'pc290c'))), '; ')
      as pc290_sections,
    bool_or(e.kind = 'pc290_registration') as pc290_registration
  from "int_disqualifier_events" e join people using (subject_id)
  group by all
)
select
  p.subject_id,
  coalesce(c.n, 0)::varchar as convictions_on_record,
  cast(round(datediff('day', c.latest, (select as_of_date from "run_params")) / 365.25, 2) as decimal(8, 2))::varchar as years_since_any,
  s.per_section,
  coalesce(su.deceased, false)::varchar as deceased,
  nullif(d.superstrike_sections, '') as superstrike_sections,
  nullif(d.pc290_sections, '') as pc290_sections,
  coalesce(d.pc290_registration, false)::varchar as pc290_registration
from people p
left join convictions c using (subject_id)
left join sections s using (subject_id)
left join disqualifiers d using (subject_id)
left join "int_subjects" su using (subject_id);
comment on view mart_doj_subject_values is 'one row per person with an in-scope count (subject_id)';
