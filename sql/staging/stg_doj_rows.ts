import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { qb, toSql } from '../kysely.ts'
import { clean, cleanUpper, parseDate } from '../helpers/sql-fragments.ts'

/**
 * Trim, type and parse; no filters, no joins. Reads only the columns a rule or an output needs.
 * The charge is parsed from OFFENSE_DESCR, or from COMMENT_TEXT when OFFENSE_DESCR says SEE COMMENT FOR CHARGE.
 */
const CHARGE = `case when upper(OFFENSE_DESCR) like '%SEE COMMENT FOR CHARGE%' then upper(trim(COMMENT_TEXT)) else upper(trim(OFFENSE_DESCR)) end`

// "11359 HS-…", "11357(C)HS-…", " 148 PC - …", "664/187 PC-…", "288A(C) PC-…", "288 A(C) PC-…": optional
// attempt/conspiracy prefix, section (with a letter suffix such as 288A or 653F), any (subsections), code type.
const CODE_RE = `^\\s*(?:(664|182)[^/]*/\\s*)?([0-9]+(?:\\.[0-9]+)?(?: ?[A-Z])?)\\s*((?:\\([0-9A-Z]+\\))*)\\s*([A-Z]{2,3})\\b`

const raw = (c: string) => sql.raw(c)

function build(): string {
  const q = qb
    .selectFrom('raw_doj_rows')
    .select([
      'filename as source_file',
      raw(`${clean('SUBJECT_ID')}`).as('subject_id'),
      raw(clean('CII_NUMBER')).as('cii_number'),
      raw(clean('PRI_NAME')).as('name'),
      raw(cleanUpper('GENDER')).as('gender'),
      raw(`${clean('PRI_DOB')} is not null`).as('dob_present'),
      raw(parseDate('PRI_DOB')).as('dob'),
      raw(cleanUpper('RACE_CODE')).as('race_code'),
      raw(clean('CYC_ORDER')).as('cyc_order'),
      raw(parseDate('CYC_DATE')).as('cyc_date'),
      raw(clean('CYC_DATE')).as('cyc_date_text'),
      raw(cleanUpper('STP_TYPE_DESCR')).as('step_type'),
      raw(parseDate('STP_EVENT_DATE')).as('step_date'),
      raw(clean('STP_EVENT_DATE')).as('step_date_text'),
      raw(cleanUpper('STP_ORI_DESCR')).as('court'),
      raw(clean('STP_ORI_CNTY_CODE')).as('county_code'),
      raw(cleanUpper('STP_ORI_CNTY_NAME')).as('county'),
      raw(clean('CNT_ORDER')).as('cnt_order'),
      raw(parseDate('DISP_DATE')).as('disp_date'),
      raw(clean('DISP_DATE')).as('disp_date_text'),
      raw(clean('OFFENSE_CODE')).as('offense_code'),
      raw(`nullif(${CHARGE}, '')`).as('charge_text'),
      raw(`regexp_extract(${CHARGE}, '${CODE_RE}', ['prefix', 'section', 'subsections', 'code_type'])`).as(
        'code',
      ),
      raw(cleanUpper('OFFENSE_TOC')).as('offense_toc'),
      raw(cleanUpper('OFFENSE_QUAL_LST')).as('qualifiers'),
      raw(clean('FE_NUM_CRT_CASE')).as('case_number'),
      raw(cleanUpper('DISP_DESCR')).as('disposition'),
      raw(`coalesce(upper(trim(DISP_DESCR)) like 'CONVICTED%', false)`).as('is_conviction'),
      raw(cleanUpper('CONV_STAT_DESCR')).as('conviction_status'),
      raw(clean('SENT_ORDER')).as('sent_order'),
      raw(cleanUpper('SENT_LOC_DESCR')).as('sentence_kind'),
      raw(`try_cast(trim(SENT_LENGTH) as double)`).as('sentence_length'),
      raw(cleanUpper('SENT_TIME_CODE')).as('sentence_unit'),
    ])
  // Unpack the parsed code into flat, normalised columns ("HS 11357(B)").
  // Each date is parsed once; its status ('ok' | 'missing' | 'bad') follows from the text and the parse.
  const status = (d: string) =>
    `case when ${d}_text is null then 'missing' when ${d} is null then 'bad' else 'ok' end as ${d}_status`
  return `select * exclude (code, cyc_date_text, step_date_text, disp_date_text, offense_toc, conviction_status),
  ${status('cyc_date')},
  ${status('step_date')},
  ${status('disp_date')},
  nullif(code.code_type, '') as code_type,
  nullif(replace(code.section, ' ', ''), '') as section,
  nullif(regexp_extract(code.subsections, '^\\(([0-9A-Z]+)\\)', 1), '') as subsection,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') end as base_section,
  case when code.section <> '' then code.code_type || ' ' || replace(code.section, ' ', '') || code.subsections end
    as code_section,
  code.prefix = '664' or regexp_matches(coalesce(qualifiers, ''), '\\b664\\b') as is_attempt,
  code.prefix = '182' or regexp_matches(coalesce(qualifiers, ''), '\\b182\\b') as is_conspiracy,
  case conviction_status
    when 'FELONY' then 'felony' when 'MISDEMEANOR' then 'misdemeanor' when 'INFRACTION' then 'infraction'
    else case offense_toc when 'F' then 'felony' when 'M' then 'misdemeanor' when 'I' then 'infraction' end
  end as conviction_level
from (${toSql(q)}) parsed`
}

export const stg_doj_rows: Model = {
  name: 'stg_doj_rows',
  layer: 'staging',
  materialized: 'table',
  grain: 'one row per loaded DOJ line (subject x cycle x step x count x sentence part)',
  dependsOn: ['raw_doj_rows'],
  sql: build,
}
