import type { Model } from '../model.ts'
import { sql } from 'kysely'
import { chargesProp64, cycleOf } from './int_prop64_charges.ts'
import { prop64CountsSql } from './int_prop64_counts.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { int_court_convictions } from './int_court_convictions.ts'
import { int_court_subjects } from './int_court_subjects.ts'
import { int_court_only_charges } from './int_court_only_charges.ts'

/**
 * Court-only cannabis convictions in int_prop64_counts' shape, computed by the same SQL (ages, era, priors,
 * disqualifiers) over the court people's convictions, plus doj_history_known, which the court data-gap rule reads.
 */
export const int_court_prop64_counts: Model = {
  name: 'int_court_prop64_counts',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per court-only cannabis conviction (subject_id, cnt_order)',
  sql: () => sql`
select counts.*, o.doj_history_known, o.case_known_to_doj, o.file_index, o.record, o.line, o.source_file,
  o.name as court_name, o.dob as court_dob
from (${prop64CountsSql({
    convictions: ref(int_court_convictions),
    subjects: ref(int_court_subjects),
    cycles: sql`select subject_id, ${raw(cycleOf('s'))} as cycle from ${ref(int_court_convictions)} s
      where ${raw(chargesProp64('s'))}`,
    // The court index has no ingest ledger of its own here: no court person has a rejected DOJ line by design.
    incomplete: raw('(select null::varchar as subject_id, null::varchar as rejected_line_refs where false)'),
    // Court-only keys ('COURT:<file>:<record>') all begin 'COURT:', so the DOJ's CNT_ORDER prefix would make every
    // court-only prior one event: a court-only conviction event is its case and day.
    priorEvent: raw(
      `case when p.cnt_order like 'COURT:%' then concat_ws('|', p.county, p.case_number, p.conviction_date) else left(p.cnt_order, 6) end`,
    ),
  })}) counts
join ${ref(int_court_only_charges)} o using (subject_id, cnt_order)`,
}
