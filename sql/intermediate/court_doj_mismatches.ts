import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { int_court_doj_pairs } from './int_court_doj_pairs.ts'
import { int_prop64_counts } from './int_prop64_counts.ts'
import { stg_court_index_rows } from '../staging/stg_court_index_rows.ts'

/**
 * restricted/reconcile/mismatches.csv: matched pairs (a DOJ count and the court charge it was paired with) that
 * disagree, with both values. Section: different base sections, or subsections that both sides record and that
 * differ (a subsection on one side only is less detail, not a disagreement). Level and date (DOJ conviction
 * date vs court disposition date): both recorded and different. Disposition: the court did not record a
 * conviction for the charge.
 */
export const court_doj_mismatches: Model = {
  name: 'court_doj_mismatches',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per disagreeing (DOJ count, court charge) pair (subject_id, cnt_order)',
  sql: () => sql`
with pairs as (
  select p.matched_by, d.subject_id, d.cnt_order, d.county, d.court as doj_court, d.case_number as doj_case_number,
    d.base_section as doj_base_section, d.subsection as doj_subsection, d.code_section as doj_code_section,
    d.conviction_level as doj_level, d.conviction_date as doj_conviction_date,
    c.source_file as court_file, c.line as court_line, c.case_number as court_case_number,
    c.base_section as court_base_section, c.subsection as court_subsection, c.code_section as court_code_section,
    c.conviction_level as court_level, c.disposition_date as court_disposition_date, c.disposition as court_disposition,
    c.is_conviction as court_convicted
  from ${ref(int_court_doj_pairs)} p
  join ${ref(int_prop64_counts)} d using (subject_id, cnt_order)
  join ${ref(stg_court_index_rows)} c on c.file_index = p.file_index and c.record = p.record
),
compared as (
  select *,
    array_to_string(list_filter([
      case when doj_base_section is distinct from court_base_section
        or (doj_subsection is not null and court_subsection is not null and doj_subsection <> court_subsection)
        then 'section' end,
      case when doj_level <> court_level then 'level' end,
      case when doj_conviction_date <> court_disposition_date then 'date' end,
      case when not court_convicted then 'disposition' end
    ], x -> x is not null), ';') as disagrees_on
  from pairs
)
select
  county, matched_by, disagrees_on,
  subject_id, cnt_order, doj_court, doj_case_number, court_file, court_line, court_case_number,
  doj_code_section, court_code_section, doj_level, court_level,
  strftime(doj_conviction_date, '%Y-%m-%d') as doj_conviction_date,
  strftime(court_disposition_date, '%Y-%m-%d') as court_disposition_date,
  court_disposition
from compared
where disagrees_on <> ''`,
}
