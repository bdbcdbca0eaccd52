import type { Model } from '../model.ts'
import { prop64CountsSql } from './int_prop64_counts.ts'

/**
 * Court-only cannabis convictions in int_prop64_counts' shape, computed by the same SQL (ages, era, priors,
 * disqualifiers) over the court people's convictions, plus doj_history_known, which the court data-gap rule reads.
 */
export const int_court_prop64_counts: Model = {
  name: 'int_court_prop64_counts',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per court-only cannabis conviction (subject_id, cnt_order)',
  dependsOn: [
    'int_court_convictions',
    'int_court_subjects',
    'int_court_only_charges',
    'int_disqualifier_events',
    'run_params',
    'ref_offense_codes',
  ],
  sql: () => `
select counts.*, o.doj_history_known, o.case_known_to_doj, o.file_index, o.record, o.line, o.source_file,
  o.name as court_name, o.dob as court_dob
from (${prop64CountsSql({
    convictions: 'int_court_convictions',
    subjects: 'int_court_subjects',
    lines: 'int_court_convictions',
    // The court index has no ingest ledger of its own here: no court person has a rejected DOJ line by design.
    incomplete: '(select null::varchar as subject_id, null::varchar as rejected_line_refs where false)',
  })}) counts
join int_court_only_charges o using (subject_id, cnt_order)`,
}
