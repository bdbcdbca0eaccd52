import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { int_convictions } from '../intermediate/int_convictions.ts'
import { int_prop64_counts } from '../intermediate/int_prop64_counts.ts'
import { int_disqualifier_events } from '../intermediate/int_disqualifier_events.ts'
import { int_subjects } from '../intermediate/int_subjects.ts'
import { run_params } from '../seeds/run_params.ts'
import { yearsToAsOf } from '../helpers/years.ts'

/**
 * The person-level values of the DOJ result files (restricted/doj/), for everyone with an in-scope count:
 * convictions on record, years since any conviction, counts per code section, deceased, and every
 * super-strike / PC 290 item on the whole record. Rows of the person that are not an in-scope count carry
 * these. A view.
 */
export const mart_doj_subject_values: Model = {
  name: 'mart_doj_subject_values',
  layer: 'mart',
  materialized: 'view',
  grain: 'one row per person with an in-scope count (subject_id)',
  sql: () => sql`
with people as (select distinct subject_id from ${ref(count_determinations)}),
convictions as (
  select c.subject_id, count(*) as n,
    max(c.conviction_date) filter (where c.conviction_date <= (select as_of_date from ${ref(run_params)})) as latest
  from ${ref(int_convictions)} c join people using (subject_id)
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
    from ${ref(int_prop64_counts)} p join people using (subject_id)
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
  from ${ref(int_disqualifier_events)} e join people using (subject_id)
  group by all
)
select
  p.subject_id,
  coalesce(c.n, 0)::varchar as convictions_on_record,
  ${yearsToAsOf('c.latest')} as years_since_any,
  s.per_section,
  coalesce(su.deceased, false)::varchar as deceased,
  nullif(d.superstrike_sections, '') as superstrike_sections,
  nullif(d.pc290_sections, '') as pc290_sections,
  coalesce(d.pc290_registration, false)::varchar as pc290_registration
from people p
left join convictions c using (subject_id)
left join sections s using (subject_id)
left join disqualifiers d using (subject_id)
left join ${ref(int_subjects)} su using (subject_id)`,
}
