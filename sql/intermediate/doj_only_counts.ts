import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { int_court_doj_pairs } from './int_court_doj_pairs.ts'
import { int_prop64_counts } from './int_prop64_counts.ts'

/** restricted/reconcile/doj_only.csv: in-scope DOJ counts whose case the court index does not know. */
export const doj_only_counts: Model = {
  name: 'doj_only_counts',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per in-scope DOJ Prop 64 count with no matching court case (subject_id, cnt_order)',
  sql: () => sql`
select d.county, d.court, d.case_number, d.subject_id, d.cnt_order, d.code_section, d.conviction_level,
  strftime(d.conviction_date, '%Y-%m-%d') as conviction_date
from ${ref(int_court_doj_pairs)} p join ${ref(int_prop64_counts)} d using (subject_id, cnt_order)
where p.matched_by is null`,
}
