import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { ref_counties } from '../seeds/reference_tables.ts'
import { PROP64_SECTIONS } from '../intermediate/int_prop64_counts.ts'
import {
  caseKey,
  courtDate,
  courtDateStatus,
  nameKey,
  parsedSection,
  sentencePart,
} from '../helpers/court-fragments.ts'
import { RAW_COURT_INDEX_ROWS } from '../sources/raw_court_index_rows.ts'
import { COURT_RECORD_LINES } from '../sources/court_record_lines.ts'
import { clean, cleanUpper, convictedDisposition } from '../helpers/sql-fragments.ts'

/**
 * Trim, type and parse the court index: case and name keys for matching, the section in the DOJ's normal form
 * ("HS 11357(B)"), the level in the DOJ's words, dates in either accepted form. A record that cannot be matched
 * to anything (no case number, or a county that is not in California) carries reject_reason and is not loaded.
 */
export const stg_court_index_rows: Model = {
  name: 'stg_court_index_rows',
  layer: 'staging',
  materialized: 'table',
  grain: 'one row per court index record read (file_index, record); loaded when reject_reason is null',
  sql: () => sql`
with parsed as (
  select
    r.filename as source_file,
    r.file_index,
    r.record,
    l.line,
    ${raw(clean('r.court_case_number'))} as case_number,
    ${raw(caseKey('r.court_case_number'))} as case_key,
    ${raw(cleanUpper('r.court'))} as court,
    ${raw(cleanUpper('r.county'))} as county_text,
    c.county,
    c.county_code,
    ${raw(clean('r.defendant_name'))} as name,
    ${raw(nameKey('r.defendant_name'))} as name_key,
    ${raw(courtDate('r.dob'))} as dob,
    ${raw(courtDateStatus('r.dob'))} as dob_status,
    ${raw(cleanUpper('r.charge_section'))} as charge_text,
    ${raw(parsedSection('r.charge_section'))} as code,
    case upper(trim(r.charge_level)) when 'F' then 'felony' when 'M' then 'misdemeanor' when 'I' then 'infraction' end
      as conviction_level,
    ${raw(cleanUpper('r.disposition'))} as disposition,
    coalesce(${raw(convictedDisposition('r.disposition'))}, false) as is_conviction,
    ${raw(courtDate('r.disposition_date'))} as disposition_date,
    ${raw(courtDateStatus('r.disposition_date'))} as disposition_date_status,
    ${raw(courtDate('r.offense_date'))} as offense_date,
    ${raw(courtDateStatus('r.offense_date'))} as offense_date_status,
    ${raw(clean('r.sentence'))} as sentence_text,
    ${raw(sentencePart('r.sentence', 'D'))} as sentence_days,
    ${raw(sentencePart('r.sentence', 'M'))} as sentence_months,
    ${raw(sentencePart('r.sentence', 'Y'))} as sentence_years
  from ${ref(RAW_COURT_INDEX_ROWS)} r
  join ${ref(COURT_RECORD_LINES)} l using (file_index, record)
  -- Counties as the DOJ writes them ("LOS ANGELES") or in title case: compared in upper case, spaces collapsed.
  left join ${ref(ref_counties)} c on c.county = regexp_replace(upper(trim(r.county)), '\\s+', ' ', 'g')
)
select
  * exclude (code, county_text),
  nullif(code.code_type, '') as code_type,
  nullif(code.section, '') as section,
  nullif(regexp_extract(code.subsections, '^\\(([0-9A-Z]+)\\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || code.section end as base_section,
  case when code.section <> '' then code.code_type || ' ' || code.section || code.subsections end as code_section,
  coalesce(code.prefix = '664', false) as is_attempt,
  coalesce(code.prefix = '182', false) as is_conspiracy,
  coalesce(code.code_type = 'HS' and code.section in (${raw(PROP64_SECTIONS.map((s) => `'${s}'`).join(', '))}), false)
    as is_cannabis,
  sentence_text is not null and sentence_days + sentence_months + sentence_years = 0
    and not regexp_matches(upper(sentence_text), '^(NONE|NO SENTENCE|FINE.*)$') as sentence_unreadable,
  case
    when case_key is null then 'no court_case_number: the record cannot be matched to a case'
    when county is null and county_text is null then 'no county: the record cannot be matched to a case'
    when county is null then 'county "' || county_text || '" is not a California county'
  end as reject_reason
from parsed`,
}
