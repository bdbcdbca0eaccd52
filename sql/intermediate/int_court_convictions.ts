import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { int_convictions } from './int_convictions.ts'
import { int_court_only_charges } from './int_court_only_charges.ts'
import { AUMA_EFFECTIVE } from '../helpers/sql-fragments.ts'

/**
 * int_convictions' shape for the people of court-only convictions: their DOJ convictions (priors and record-wide
 * policy facts come from there) plus the court-only convictions themselves, so the same count and rule SQL runs
 * over both. Court-only rows are keyed cnt_order 'COURT:<file>:<record>'.
 */
export const int_court_convictions: Model = {
  name: 'int_court_convictions',
  layer: 'intermediate',
  materialized: 'table',
  grain:
    'one row per (subject_id, cnt_order): DOJ convictions of court-only people, plus court-only convictions',
  sql: () => sql`
select * from ${ref(int_convictions)}
where subject_id in (select subject_id from ${ref(int_court_only_charges)})
union all by name
select
  -- A court-only conviction is of a cannabis section itself, never a PC 32 accessory: false, not a missing
  -- column's null (a null here kept every court-only count out of a DA policy's reach and out of the priors).
  subject_id, cnt_order, is_attempt, is_conspiracy, false as is_accessory, sentence_days, sentence_months, sentence_years,
  sentence_unreadable::int as sentence_parts_unreadable, sentence_text, county, county_code, court, case_number,
  null::varchar as cyc_order, charge_text, null::varchar as offense_code, code_type, section, subsection,
  base_section, code_section, conviction_level, disposition,
  disposition_date as conviction_date, disposition_date_status as conviction_date_status,
  offense_date, offense_date_status,
  disposition_date
    + to_years(cast(floor(sentence_years) as integer))
    + to_months(cast(floor(sentence_months + 12 * (sentence_years - floor(sentence_years))) as integer))
    + to_days(cast(ceil(sentence_days) as integer)) as sentence_end_date,
  offense_date >= ${raw(AUMA_EFFECTIVE)} as offense_after_auma,
  disposition_date >= ${raw(AUMA_EFFECTIVE)} as conviction_after_auma
from ${ref(int_court_only_charges)}`,
}
