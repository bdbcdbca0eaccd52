import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { earliestCountySql } from '../helpers/earliest-county.ts'
import { int_subjects } from './int_subjects.ts'
import { int_court_only_charges } from './int_court_only_charges.ts'

/**
 * int_subjects' shape for the people of court-only convictions: the DOJ row where the person is a DOJ subject,
 * else what the court index says (name and DOB; no CII, gender, race or PC 290 registration: the court export
 * does not carry them).
 */
export const int_court_subjects: Model = {
  name: 'int_court_subjects',
  layer: 'intermediate',
  materialized: 'table',
  grain: 'one row per subject_id of a court-only conviction',
  sql: () => sql`
select * from ${ref(int_subjects)} where subject_id in (select subject_id from ${ref(int_court_only_charges)})
union all by name
select
  subject_id,
  mode(name) as name,
  list_sort(list_distinct(list(name))) as names,
  null::varchar as cii_number,
  null::varchar as gender,
  null::varchar as race_code,
  mode(dob) as dob,
  case when count(dob) > 0 then 'ok' when bool_or(dob_status = 'bad') then 'bad' else 'missing' end as dob_status,
  false as deceased,
  null::date as deceased_date,
  null::date as pc290_registration_date,
  ${raw(earliestCountySql('disposition_date', 'true'))} as first_conviction_county
from ${ref(int_court_only_charges)}
where not doj_history_known
group by subject_id`,
}
