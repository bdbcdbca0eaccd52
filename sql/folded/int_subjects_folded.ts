import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { IDENTITY_COLUMNS, IDENTITY_MODES } from '../helpers/subject-identity.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { fold_identities, fold_steps, fold_subjects } from '../sources/fold_tables.ts'
import { codeSection } from '../helpers/charge-code.ts'

/**
 * int_subjects from the native reader's people: the same columns and values. The reader gives each person's
 * identity as the minimum of each field, and for a person whose lines disagree each distinct identity with its line
 * count, so the modes here are taken over the same multiset of lines as on the SQL path. Deaths and PC 290
 * registrations come from the step lines, read as int_subjects reads them.
 */
export const int_subjects_folded: Model = {
  name: 'int_subjects',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per subject_id',
  sql: () => sql`
with steps as (
  select subject_id,
    bool_or(step_type = 'DECEASED') as deceased,
    min(step_date) filter (where step_type = 'DECEASED') as deceased_date,
    min(step_date) filter (where is_pc290_registration) as pc290_registration_date,
    bool_or(is_pc290_registration) as pc290_registered,
    bool_or(is_pc290_registration and step_date is null) as pc290_registration_undated
  from (
    select *, case when step_type = 'REGISTRATION' then ${raw(codeSection('charge_text'))} = '290' else false end
      as is_pc290_registration
    from ${ref(fold_steps)}
  )
  group by subject_id
),
lines as (
  -- Each identity once per line that carries it.
  select * exclude (lines, line) from (select *, unnest(range(lines)) as line from ${ref(fold_identities)})
),
modes as (
  select subject_id, ${raw(IDENTITY_MODES)}
  from lines
  group by subject_id
)
select
  f.subject_id,
  ${raw(IDENTITY_COLUMNS)},
  f.dob_status,
  coalesce(s.deceased, false) as deceased,
  s.deceased_date,
  s.pc290_registration_date,
  coalesce(s.pc290_registered, false) as pc290_registered,
  coalesce(s.pc290_registration_undated, false) as pc290_registration_undated,
  f.first_conviction_county
from ${ref(fold_subjects)} f
left join modes m using (subject_id)
left join steps s using (subject_id)`,
}
