import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref, type SqlTemplate } from '../helpers/model-sql.ts'
import { raw_doj_rows } from '../sources/raw_doj_rows.ts'
import { qb, toSql } from '../kysely.ts'
import {
  clean,
  cleanId,
  cleanUpper,
  containsFolded,
  convictedDisposition,
  parseDate,
} from '../helpers/sql-fragments.ts'
import { codePrefix, codeSection } from '../helpers/charge-code.ts'
import {
  ATTEMPT_QUALIFIER,
  CONSPIRACY_QUALIFIER,
  QUALIFIER_TOKEN_RE,
  digitQualifier,
  hasQualifier,
  letterQualifier,
} from '../helpers/qualifier-codes.ts'

/**
 * Trim, type and parse; no filters, no joins. Reads only the columns a rule or an output needs.
 * The charge is read from OFFENSE_DESCR, or from COMMENT_TEXT when OFFENSE_DESCR says SEE COMMENT FOR CHARGE; its
 * text is kept, and parsed into a code section once per distinct text by stg_charge_codes (a regex per line was a
 * fifth of staging's time at 2M lines, over a few thousand distinct texts).
 * The convicted offense is CONV_OFFENSE_* (else DISP_OFFENSE_*) when DOJ filled it, else the charge: a 11359
 * charge pled to 11357(b) is a possession conviction, one pled to 11350 is not a cannabis conviction at all.
 */
// The guarded clean() reads each field without copying it; upper() runs once, on the text kept.
const seeComment = (col: string) => containsFolded(col, 'SEE COMMENT FOR CHARGE')
const CHARGED = `case when ${seeComment('OFFENSE_DESCR')} then ${cleanUpper('COMMENT_TEXT')} else ${cleanUpper('OFFENSE_DESCR')} end`
const usable = (col: string) => `case when ${seeComment(col)} then null else ${cleanUpper(col)} end`
const CONVICTED_AS = `coalesce(${usable('CONV_OFFENSE_DESCR')}, ${usable('DISP_OFFENSE_DESCR')})`
const CHARGE = `coalesce(${CONVICTED_AS}, ${CHARGED})`

/**
 * OFFENSE_QUAL_LST as DOJ writes it: two-letter codes (EB conspiracy, BI–BL attempt, CS accessory, BB court-ordered
 * registration …), possibly several, separated by spaces, commas or nothing ("EB BI", "EB,CS", "EBBI"), or the
 * digit forms ("664", "182(A)(1)", "PC 32"). Returns the list of recognised qualifiers as 'CODE:CATEGORY'.
 */
function qualifierList(col: string): string {
  // Tokens: runs of letters (split into pairs: "EBBI" → EB, BI) and digit forms with their subdivisions.
  // A letter run of odd length, or a code type (PC, HS) next to a digit form, simply matches nothing.
  // Most lines have no qualifier: skip the tokenising for them.
  return `case when nullif(trim(${col}), '') is null then []::varchar[] else list_distinct(list_filter(flatten([
      case when regexp_matches(t, '^[A-Z]+$')
        then [${letterQualifier('p')} for p in [substr(t, 2 * i + 1, 2) for i in range(len(t) // 2)]
              if len(t) % 2 = 0]
        else [${digitQualifier('t')}] end
      for t in regexp_extract_all(coalesce(upper(${col}), ''), '${QUALIFIER_TOKEN_RE}')
    ]), x -> x is not null)) end`
}

const raw = (c: string) => sql.raw(c)
/**
 * Which lines need what, decided once per line (in \`flagged\`, below) from cheap looks at the raw text:
 * - convicted_line: DISP_DESCR "CONVICTED…", the lines int_convictions reads;
 * - coded_line: the lines whose charge is parsed (a regex per line): convictions, PC 290 registration steps, and
 *   any step whose charge text names a Prop 64 section (the cycles a PC 32 accessory or a related charge is tied
 *   to);
 * - step_line: a person's death or a PC 290 registration.
 * The rest of a history is read only for the person's identity: a statewide file is mostly arrests and other
 * steps, and every string parsed or stored for them costs time at millions of lines.
 */
const CONVICTED = `coalesce(${convictedDisposition('DISP_DESCR')}, false)`
const STEP = `coalesce(${containsFolded('STP_TYPE_DESCR', 'DECEASED')} or ${containsFolded('STP_TYPE_DESCR', 'REGISTRATION')}, false)`
const NAMES_PROP64 = ['OFFENSE_DESCR', 'CONV_OFFENSE_DESCR', 'DISP_OFFENSE_DESCR', 'COMMENT_TEXT']
  .map((c) => `contains(${c}, '1135') or contains(${c}, '1136')`)
  .join(' or ')
const CODED = `${CONVICTED} or coalesce(${containsFolded('STP_TYPE_DESCR', 'REGISTRATION')} or ${NAMES_PROP64}, false)`
const FLAGGED = `(select *, ${CONVICTED} as convicted_line, ${CODED} as coded_line, ${STEP} as step_line
  from "raw_doj_rows") flagged`
const onConviction = (expr: string) => `case when convicted_line then ${expr} end`
const onCoded = (expr: string) => `case when coded_line then ${expr} end`

function build(): string {
  const q = qb.selectFrom('raw_doj_rows').select([
    'filename as source_file',
    raw(cleanId('SUBJECT_ID')).as('subject_id'),
    raw(clean('CII_NUMBER')).as('cii_number'),
    raw(clean('PRI_NAME')).as('name'),
    raw(cleanUpper('GENDER')).as('gender'),
    raw(`${clean('PRI_DOB')} is not null`).as('dob_present'),
    raw(parseDate('PRI_DOB')).as('dob'),
    raw(cleanUpper('RACE_CODE')).as('race_code'),
    raw(onCoded(cleanId('CYC_ORDER'))).as('cyc_order'),
    raw(onConviction(parseDate('CYC_DATE'))).as('cyc_date'),
    raw(onConviction(clean('CYC_DATE'))).as('cyc_date_text'),
    raw(
      // Only the step kinds a rule reads (a person's death, a PC 290 registration); other steps stay NULL.
      `case when step_line then case ${cleanUpper('STP_TYPE_DESCR')} when 'DECEASED' then 'DECEASED' when 'REGISTRATION' then 'REGISTRATION' end end`,
    ).as('step_type'),
    raw(`case when convicted_line or step_line then ${parseDate('STP_EVENT_DATE')} end`).as('step_date'),
    raw(`case when convicted_line or step_line then ${clean('STP_EVENT_DATE')} end`).as('step_date_text'),
    raw(onConviction(cleanUpper('STP_ORI_DESCR'))).as('court'),
    raw(onConviction(clean('STP_ORI_CNTY_CODE'))).as('county_code'),
    raw(onConviction(cleanUpper('STP_ORI_CNTY_NAME'))).as('county'),
    raw(onCoded(cleanId('CNT_ORDER'))).as('cnt_order'),
    raw(onConviction(parseDate('DISP_DATE'))).as('disp_date'),
    raw(onConviction(clean('DISP_DATE'))).as('disp_date_text'),
    raw(
      onConviction(
        `coalesce(${clean('CONV_OFFENSE_CODE')}, ${clean('DISP_OFFENSE_CODE')}, ${clean('OFFENSE_CODE')})`,
      ),
    ).as('offense_code'),
    // The charge of every coded line (its code section is looked up in stg_charge_codes), and for a conviction
    // the charge as filed, before any plea.
    raw(onCoded(`nullif(${CHARGE}, '')`)).as('charge_text'),
    raw(onConviction(`nullif(${CHARGED}, '')`)).as('charged_text'),
    raw(`convicted_line and ${CONVICTED_AS} is not null`).as('convicted_offense_recorded'),
    raw(
      onConviction(
        `coalesce(${cleanUpper('CONV_OFFENSE_TOC')}, ${cleanUpper('DISP_OFFENSE_TOC')}, ${cleanUpper('OFFENSE_TOC')})`,
      ),
    ).as('offense_toc'),
    raw(onConviction(cleanUpper('OFFENSE_QUAL_LST'))).as('qualifiers'),
    raw(
      onConviction(
        `coalesce(${cleanUpper('CONV_OFFENSE_QUAL_LST')}, ${cleanUpper('DISP_OFFENSE_QUAL_LST')})`,
      ),
    ).as('convicted_qualifiers'),
    raw(onConviction(`try_cast(${clean('CYC_AGE')} as integer)`)).as('cycle_age'),
    raw(onConviction(clean('FE_NUM_CRT_CASE'))).as('case_number'),
    raw(onConviction(cleanUpper('DISP_DESCR'))).as('disposition'),
    raw('convicted_line').as('is_conviction'),
    raw(onConviction(cleanUpper('CONV_STAT_DESCR'))).as('conviction_status'),
    raw(onConviction(clean('SENT_ORDER'))).as('sent_order'),
    raw(onConviction(cleanUpper('SENT_LOC_DESCR'))).as('sentence_kind'),
    raw(onConviction(`try_cast(${clean('SENT_LENGTH')} as double)`)).as('sentence_length'),
    raw(onConviction(cleanUpper('SENT_TIME_CODE'))).as('sentence_unit'),
  ])
  // Each date is parsed once; its status ('ok' | 'missing' | 'bad') follows from the text and the parse.
  const status = (d: string) =>
    `case when ${d}_text is null then 'missing' when ${d} is null then 'bad' else 'ok' end as ${d}_status`
  return `select * exclude (cyc_date_text, step_date_text, disp_date_text, offense_toc,
    conviction_status, convicted_qualifiers, qualifier_codes, cycle_age, code_prefix),
  -- CYC_AGE: the age at the arrest that began the cycle; only plausible ages are kept.
  case when cycle_age between 0 and 120 then cycle_age end as cycle_age,
  ${status('cyc_date')},
  ${status('step_date')},
  ${status('disp_date')},
  -- A PC 290 registration step (rare lines: its charge is parsed here, not looked up).
  case when step_type = 'REGISTRATION' then ${codeSection('charge_text')} = '290' else false end
    as is_pc290_registration,
  qualifier_codes,
  -- EH (21 USC 846, federal "attempt or conspiracy") does not say which: it is read as an attempt (review),
  -- never as a conspiracy (not eligible), so the doubt goes to a person, not to a bar.
  code_prefix = '664' or ${ATTEMPT_QUALIFIER} as is_attempt,
  code_prefix = '182' or ${CONSPIRACY_QUALIFIER}
    as is_conspiracy,
  ${hasQualifier('ACCESSORY')} as is_accessory,
  ${hasQualifier('REGISTRATION')} as has_registration_qualifier,
  case conviction_status
    when 'FELONY' then 'felony' when 'MISDEMEANOR' then 'misdemeanor' when 'INFRACTION' then 'infraction'
    else case offense_toc when 'F' then 'felony' when 'M' then 'misdemeanor' when 'I' then 'infraction' end
  end as conviction_level
from (
  select *,
    -- The qualifiers that belong to the convicted offense: when DOJ recorded the convicted offense, its own list
    -- (a conspiracy charge pled to the completed offense is no conspiracy conviction); else the charge's.
    ${qualifierList(`case when convicted_offense_recorded then convicted_qualifiers else qualifiers end`)}
      as qualifier_codes,
    -- The 664/ (attempt) or 182/ (conspiracy) prefix, read once for both flags.
    ${codePrefix('charge_text')} as code_prefix
  from (${toSql(q).replace('from "raw_doj_rows"', `from ${FLAGGED}`)}) typed
) parsed`
}

/** The SELECT with its one upstream relation as ref(raw_doj_rows), so the dependency is read from the SQL. */
function template(): SqlTemplate {
  const [before, after] = build().split('"raw_doj_rows"') as [string, string]
  return sql`${sql.raw(before)}${ref(raw_doj_rows)}${sql.raw(after)}`
}

export const stg_doj_rows: Model = {
  name: 'stg_doj_rows',
  layer: 'staging',
  materialized: 'temp table',
  grain: 'one row per loaded DOJ line (subject x cycle x step x count x sentence part)',
  sql: template,
}
