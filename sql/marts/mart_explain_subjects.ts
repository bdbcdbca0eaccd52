import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { int_subjects } from '../intermediate/int_subjects.ts'

/** The person `relief explain` is asked about: date of birth (or why it is missing) and death. A view. */
export const mart_explain_subjects: Model = {
  name: 'mart_explain_subjects',
  layer: 'mart',
  materialized: 'view',
  grain: 'one row per person in the extract (subject_id)',
  sql: () =>
    sql`select subject_id, strftime(dob, '%Y-%m-%d') as dob, dob_status, deceased from ${ref(int_subjects)}`,
}
