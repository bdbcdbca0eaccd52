import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { court_only_determinations } from '../determinations/court_only_determinations.ts'
import { int_subjects } from '../intermediate/int_subjects.ts'
import { remedyRank } from '../helpers/remedy.ts'
import { caseSectionsText, caseTextAggregates } from '../helpers/motion-case-text.ts'

/**
 * The rows of the supplemental motions: court-only cannabis convictions (found in the court's own records, not
 * on the DOJ's list) as motion cases, in mart_motion_cases' columns, so the same renderers draw them.
 *
 * A court case is (subject_id, court case number): the court index has no record without one. The name and date
 * of birth are the court's; the CII number and other names come from the DOJ history when the person has one.
 * Court records carry no count order, so `count_orders` names the court index lines the counts came from.
 * There are no related charges: the court index is read for cannabis convictions only.
 */
export const mart_court_only_motion_cases: Model = {
  name: 'mart_court_only_motion_cases',
  layer: 'mart',
  materialized: 'view',
  grain:
    'one row per court case (subject_id, court case number) x remedy x determination x reduced level x layer',
  sql: () => sql`
with cases as (
  select
    county, court, remedy, determination, reduced_level, layer, subject_id, court_case_number,
    bool_or(doj_history_known) as doj_history_known,
    min(defendant_name) as name,
    min(dob) as dob,
    count(*)::int as counts,
    list(code_section) as sections,
    array_to_string(list_transform(list_sort(list(court_line::int)), l -> 'line ' || l), '; ') as count_orders,
    ${raw(caseTextAggregates())}
  from ${ref(court_only_determinations)}
  group by all
)
select
  c.county, c.court, c.remedy, c.determination, c.reduced_level, c.layer, false as is_related,
  c.court_case_number as case_number, c.subject_id,
  c.name,
  -- The DOJ's identity only for a person the DOJ knows (a court-only person's id is the court's own).
  case when c.doj_history_known
    then array_to_string(list_filter(coalesce(s.names, []), n -> n is distinct from c.name), '; ') else '' end as aka,
  c.dob,
  case when c.doj_history_known then s.cii_number end as cii_number,
  nullif(c.conviction_dates, '') as conviction_date,
  ${raw(caseSectionsText('c.sections'))} as code_sections,
  c.counts,
  c.count_orders,
  coalesce(c.rule_ids, '') as rule_ids,
  coalesce(c.reason, '') as reason,
  row_number() over (
    order by c.county nulls last, c.court nulls last, ${raw(remedyRank('c.remedy'))}, c.remedy,
      c.determination, c.court_case_number, c.subject_id, c.conviction_dates nulls last,
      c.reduced_level nulls last, c.layer
  )::int as motion_order
from cases c
-- An equality alone, so DuckDB hashes it: with the flag in the ON clause it planned a nested-loop join (2 s at demo
-- size).
left join ${ref(int_subjects)} s on s.subject_id = c.subject_id`,
}
