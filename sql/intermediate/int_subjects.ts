import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { IDENTITY_COLUMNS, IDENTITY_MODES } from '../helpers/subject-identity.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { earliestCountySql } from '../helpers/earliest-county.ts'
import { stg_doj_rows } from '../staging/stg_doj_rows.ts'

/**
 * One row per person: identity for motions, demographics for reports, and record-wide facts.
 *
 * A person's identity is the most frequent value on their lines (mode). The DOJ file repeats the same identity
 * segment on every line of a person, so almost always every line agrees: then min = max is that value, found
 * by two cheap aggregates. mode() (a hash table per person and field) runs only for the few people whose lines
 * disagree, and gives the same answer it always did.
 */
export const int_subjects: Model = {
  name: 'int_subjects',
  layer: 'intermediate',
  materialized: 'table',
  partitionKey: 'subject_id',
  grain: 'one row per subject_id',
  sql: () => sql`
with lines as (
  select * from ${ref(stg_doj_rows)} where subject_id is not null
),
facts as (
  select
    subject_id,
    min(name) as name, max(name) as name_max,
    min(cii_number) as cii_number, max(cii_number) as cii_max,
    min(gender) as gender, max(gender) as gender_max,
    min(race_code) as race_code, max(race_code) as race_max,
    -- A person's DOB should be one value; a history with only unreadable DOBs gets dob_status 'bad'.
    min(dob) as dob, max(dob) as dob_max,
    case when count(dob) > 0 then 'ok' when bool_or(dob_present) then 'bad' else 'missing' end as dob_status,
    coalesce(bool_or(step_type = 'DECEASED'), false) as deceased,
    min(step_date) filter (where step_type = 'DECEASED') as deceased_date,
    -- A PC 290 REGISTRATION step proves that some registrable conviction exists, not which or when; an
    -- undated one is kept as a fact of its own so it is never silently ignored.
    min(step_date) filter (where is_pc290_registration) as pc290_registration_date,
    coalesce(bool_or(is_pc290_registration), false) as pc290_registered,
    coalesce(bool_or(is_pc290_registration and step_date is null), false) as pc290_registration_undated,
    -- The county of the earliest conviction, dated by its DISP_DATE, else its step date.
    ${raw(earliestCountySql('coalesce(disp_date, step_date)', 'is_conviction'))} as first_conviction_county
  from lines
  group by subject_id
),
disagreeing as (
  select subject_id from facts
  where name <> name_max or cii_number <> cii_max or gender <> gender_max or race_code <> race_max
    or dob <> dob_max
),
modes as (
  select subject_id, ${raw(IDENTITY_MODES)}
  from lines semi join disagreeing using (subject_id)
  group by subject_id
)
select
  f.subject_id,
  ${raw(IDENTITY_COLUMNS)},
  f.dob_status, f.deceased, f.deceased_date,
  f.pc290_registration_date, f.pc290_registered, f.pc290_registration_undated,
  f.first_conviction_county
from facts f
left join modes m using (subject_id)`,
}
