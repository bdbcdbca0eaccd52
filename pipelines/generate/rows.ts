/**
 * From histories to DOJ rows: one row per subject x cycle x step x count x sentence part, then the
 * projection onto the 95 contract columns (DOJ_COLUMNS is the only source of their order).
 * The row set is computed inside the final COPY rather than stored: materializing ~9 rows per person cost
 * more than computing them. It carries a sort key, integers and 1-byte codes only, so the sort moves
 * little data; after the sort, names, ORIs, offense text and dispositions are looked up in lists (list
 * indexing keeps the sorted order, a join would not). Each line is formatted in SQL and written as one
 * column: DuckDB's CSV writer costs more per field than everything else together, and 60 of the 95
 * fields are always blank.
 */
import { DOJ_COLUMNS, type DojColumnName } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'
import {
  CONV_STATUS,
  QUALIFIERS,
  SENT_LOC,
  TIME_UNIT,
  TIME_UNIT_DESCR,
  TOC,
  codeOf,
  codeSql,
  textSql,
} from './codes.ts'
import { countCtes } from './counts.ts'
import { NAME_LISTS } from './names.ts'
import { DISPOSITIONS, REGISTRATION_DESCR, SENTENCE_PATTERNS } from './offenses.ts'
import * as P from './parameters.ts'
import { dateLit } from './sql-helpers.ts'

export const STEP_TYPES = ['ARREST/DETAINED/CITED', 'COURT ACTION', 'REGISTRATION', 'DECEASED'] as const
const ARREST = 1
const COURT = 2
const REGISTRATION = 3
const DECEASED = 4
const RACE_CODES = Object.keys(P.RACE_DESCR)
/** ORI slots per county: agencies 0..15, courts 16..31. */
const ORI_SLOTS = 32
const COURT_SLOT = 16
const MAX_OFFENSE_ID = 1100
/**
 * OFFENSE_DESCR forms: 0 SEE COMMENT FOR CHARGE, 1 no space before the code type, 2 lower-case
 * subsection, 3 padded with spaces, 4 canonical `<section><(sub)> <type>-<literal>`.
 */
const DESCR_FORMS = 4
/** COMMENT_TEXT forms of a charge moved there: plain, with a comma, with quotes. */
const COMMENT_FORMS = 3

/**
 * Sort key bits: sid | cycle (6 bits) | step (3) | count (4) | sentence part (3). Bounds hold by construction:
 * at most 12 cycles per person, 4 steps per cycle, 6 counts per step and 3 sentence parts per count.
 */
const KEY = { cycle: 10, step: 7, count: 3, sid: 16 } as const

/** The history shape must fit the sort key and the cycle numbering k (repeat cannabis 1-5, other 6-13). */
export function checkKeyBounds(): void {
  const max = (pairs: readonly (readonly [number, number])[]) => Math.max(...pairs.map((p) => p[0]))
  const repeats = max(P.EXTRA_CANNABIS_CYCLES)
  const others = max(P.OTHER_CYCLES)
  const cycles = 1 + repeats + others + 2
  const counts = Math.max(max(P.CANNABIS_COUNTS) + max(P.RELATED_COUNTS) + 1, max(P.OTHER_CYCLE_COUNTS), 2)
  const parts = Math.max(...SENTENCE_PATTERNS.map((p) => p.parts.length))
  if (
    repeats > 5 ||
    others > 8 ||
    cycles >= 2 ** (KEY.sid - KEY.cycle) ||
    counts >= 2 ** (KEY.step - KEY.count)
  )
    throw new Error(`history shape too large for the sort key: ${cycles} cycles, ${counts} counts`)
  if (parts >= 2 ** KEY.count) throw new Error(`too many sentence parts: ${parts}`)
}

/** Lookup lists (DuckDB variables) for expanding ids after the sort. */
export function lookupSql(): string[] {
  const dense = (name: string, size: number, src: string) =>
    `SET VARIABLE ${name} = (SELECT list(s.v ORDER BY g.i) FROM range(${size}) g(i) LEFT JOIN (${src}) s ON s.i = g.i)`
  const oriSrc = (col: string) => `
    SELECT c.cci * ${ORI_SLOTS} + a.idx AS i, a.${col} AS v FROM agency a JOIN county c ON c.cc = a.cc
    UNION ALL SELECT c.cci * ${ORI_SLOTS} + ${COURT_SLOT} + t.idx, t.${col} FROM court t JOIN county c ON c.cc = t.cc`
  const charge = `base || sub || ' ' || code_type || '-' || literal`
  return [
    `SELECT CASE WHEN max(id) >= ${MAX_OFFENSE_ID} THEN error('offense ids exceed the lookup list') END FROM offense`,
    dense('cnty_code', 59, 'SELECT cci - 1 AS i, cc AS v FROM county'),
    dense('cnty_name', 59, 'SELECT cci - 1 AS i, name AS v FROM county'),
    dense('ori_code', 59 * ORI_SLOTS, oriSrc('ori')),
    dense('ori_descr', 59 * ORI_SLOTS, oriSrc('descr')),
    dense('off_cjis', MAX_OFFENSE_ID, 'SELECT id - 1 AS i, cjis AS v FROM offense'),
    dense(
      'off_text',
      MAX_OFFENSE_ID * DESCR_FORMS,
      `SELECT (id - 1) * ${DESCR_FORMS} + f.form - 1 AS i, CASE f.form
         WHEN 1 THEN base || sub || code_type || '-' || literal
         WHEN 2 THEN base || lower(sub) || ' ' || code_type || '-' || literal
         WHEN 3 THEN '  ' || ${charge} || '    '
         ELSE ${charge} END AS v
       FROM offense, range(1, ${DESCR_FORMS + 1}) f(form)`,
    ),
    // the charge moved into COMMENT_TEXT, some forms with commas or quotes, already quoted as CSV needs
    dense(
      'off_comment',
      MAX_OFFENSE_ID * COMMENT_FORMS,
      `SELECT (id - 1) * ${COMMENT_FORMS} + f.form AS i, CASE f.form
         WHEN 0 THEN ${charge}
         WHEN 1 THEN '"' || ${charge} || ', PER AMENDED COMPLAINT"'
         ELSE '"' || ${charge} || ' ""AS CHARGED"""' END AS v
       FROM offense, range(${COMMENT_FORMS}) f(form)`,
    ),
  ]
}

const ymd = (d: string) => `CAST(year(${d}) * 10000 + month(${d}) * 100 + day(${d}) AS INTEGER)`

/** The row set, one row per subject x cycle x step x count x sentence part, unsorted. */
export function rowsQuery(): string {
  // OFFENSE_DESCR form by the per (count, step) draw fmt in [0, 1000)
  const a = P.SEE_COMMENT_PER_MILLE
  const b = a + P.NO_SPACE_PER_MILLE
  const c = b + P.LOWER_SUBSECTION_PER_MILLE
  const e = c + P.PADDED_PER_MILLE
  const padded = `CASE WHEN u(nk * 4 + stp_kind, 62) < ${P.PADDED_QUALIFIER_SHARE} THEN ${codeOf(QUALIFIERS, '              ')} END`
  return `WITH ${countCtes()}, steps AS (
  -- each charge appears under the arrest step, the court step, or both
  SELECT *, unnest(CASE WHEN has_arrest AND has_court THEN [${ARREST}, ${COURT}]
                        WHEN has_arrest THEN [${ARREST}] ELSE [${COURT}] END) AS stp_kind
  FROM counts
), step_rows AS (
  SELECT *, CASE WHEN stp_kind = ${COURT} THEN pattern END AS part_key FROM steps
), charge_rows AS (
  SELECT r.sid, r.k, r.cyc_order, CASE WHEN stp_kind = ${ARREST} OR NOT has_arrest THEN 1 ELSE 2 END AS stp_order,
    r.j + 1 AS cnt_no, sp.part_no AS sent_order, stp_kind, d AS cyc_date, age,
    CASE WHEN stp_kind = ${ARREST} THEN d ELSE court_d END AS stp_date, cci,
    CASE WHEN stp_kind = ${ARREST} THEN agency_idx ELSE ${COURT_SLOT} + court_idx END AS ori_slot,
    off_id, toc_code, coalesce(qual_code, ${padded}) AS qual_code,
    CASE WHEN stp_kind = ${ARREST} THEN arrest_disp ELSE court_disp END AS disp,
    CASE WHEN stp_kind = ${COURT} THEN bad_disp_date END AS bad_disp_date,
    CASE WHEN stp_kind = ${COURT} THEN conv_stat END AS conv_stat,
    sp.loc_code,
    CASE WHEN sp.len_lo IS NOT NULL THEN CAST(sp.len_lo + ri(nk * 8 + sp.part_no, 64, 0, sp.len_hi - sp.len_lo) AS SMALLINT) END AS sent_len,
    sp.unit_code,
    CAST(h(nk * 4 + stp_kind, 60) % 1000 AS SMALLINT) AS fmt
  FROM step_rows r LEFT JOIN sent_part sp ON sp.pattern = r.part_key
), all_rows AS (
  SELECT * FROM charge_rows
  UNION ALL
  SELECT sid, k, cyc_order, CASE WHEN has_arrest THEN 3 ELSE 2 END, 1, NULL, ${REGISTRATION}, d, age, reg_d, cci,
    agency_idx, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM cyc WHERE has_reg
  UNION ALL
  SELECT sid, k, cyc_order, stp_order, 1, NULL, ${DECEASED}, d, age, death_d, cci, sheriff_idx,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM death
)
SELECT
  (a.sid << ${KEY.sid}) | (CAST(cyc_order AS BIGINT) << ${KEY.cycle}) | (CAST(stp_order AS BIGINT) << ${KEY.step})
    | (CAST(cnt_no AS BIGINT) << ${KEY.count}) | coalesce(sent_order, 0) AS sort_key,
  -- dates as yyyymmdd integers: integer columns cost a fraction of text columns to materialize
  ${ymd('cyc_date')} AS cyc_ymd, ${ymd('stp_date')} AS stp_ymd, bad_disp_date,
  CAST(CASE WHEN stp_kind > ${COURT} THEN NULL WHEN fmt < ${a} THEN 0 WHEN fmt < ${b} THEN 1 WHEN fmt < ${c} THEN 2
            WHEN fmt < ${e} THEN 3 ELSE 4 END AS TINYINT) AS descr_form,
  CAST(CASE WHEN stp_kind <= ${COURT} AND fmt < ${a} THEN fmt % ${COMMENT_FORMS} END AS TINYINT) AS comment_form,
  -- the charge moved to COMMENT_TEXT has no code; older records often carry only the text
  stp_kind <= ${COURT} AND fmt >= ${a} AND NOT (cyc_date < ${dateLit(P.OLD_ROW_NO_CODE_BEFORE)}
    AND u((a.sid * 16 + a.k) * 16 + cnt_no - 1, 61) < ${P.OLD_ROW_NO_CODE_SHARE}) AS with_code,
  CAST(a.k AS TINYINT) AS k, CAST(stp_kind AS TINYINT) AS stp_kind, CAST(age AS TINYINT) AS age,
  CAST(cci AS TINYINT) AS cci, CAST(ori_slot AS TINYINT) AS ori_slot, off_id, toc_code, qual_code,
  CAST(disp AS TINYINT) AS disp, conv_stat, loc_code, sent_len, unit_code,
  s.gender = 'M' AS male, ${codeSql(RACE_CODES, 's.race_code')} AS race, ${ymd('s.dob')} AS dob_ymd, s.dob_flag,
  s.surname, s.first_name, s.initial
FROM all_rows a JOIN subj s ON s.sid = a.sid`
}

/** SQL for each contract column, over the sorted rows; columns not listed are written blank. */
function columnSql(seed: number): Partial<Record<DojColumnName, string>> {
  const raceDescr = RACE_CODES.map((c) => P.RACE_DESCR[c]!)
  const perOffense = (list: string, forms: number, form: string) =>
    `getvariable('${list}')[(CAST(off_id AS INTEGER) - 1) * ${forms} + ${form}]`
  return {
    SUBJECT_ID: '(sid * 48271 + 1234567) % 90000000 + 10000000',
    CII_NUMBER: `(sid * 7919 + ${(seed % 1000003) * 104729}) % 900000000 + 10000000`,
    // always contains a comma, so always quoted (names hold no double quotes)
    PRI_NAME: `'"' || ${textSql(NAME_LISTS.surnames, 'surname')} || ',' || ${textSql(NAME_LISTS.firstNames, 'first_name')}
      || CASE WHEN initial IS NULL THEN '"' ELSE ' ' || chr(initial) || '"' END`,
    GENDER: `CASE WHEN male THEN 'M' ELSE 'F' END`,
    // malformed-but-loadable DOBs (impossible month or day) and blank ones, so rules have review cases
    PRI_DOB: `CASE dob_flag WHEN 0 THEN CAST(dob_ymd AS VARCHAR)
      WHEN 1 THEN CAST(dob_ymd // 10000 AS VARCHAR) || ['1345', '0230', '0000'][ri(sid, 17, 1, 3)] END`,
    RACE_CODE: textSql(RACE_CODES, 'race'),
    RACE_DESCR: textSql(raceDescr, 'race'),
    CYC_ORDER: 'cyc_order',
    CYC_DATE: 'cyc_ymd',
    STP_ORDER: 'stp_order',
    STP_EVENT_DATE: 'stp_ymd',
    STP_TYPE_DESCR: textSql(STEP_TYPES, 'stp_kind'),
    STP_ORI_CODE: `getvariable('ori_code')[CAST(cci AS INTEGER) * ${ORI_SLOTS} + ori_slot + 1]`,
    STP_ORI_DESCR: `getvariable('ori_descr')[CAST(cci AS INTEGER) * ${ORI_SLOTS} + ori_slot + 1]`,
    STP_ORI_CNTY_CODE: `getvariable('cnty_code')[cci]`,
    STP_ORI_CNTY_NAME: `getvariable('cnty_name')[cci]`,
    CNT_ORDER: `lpad(CAST(CAST(cyc_order AS BIGINT) * 1000000000 + stp_order * 1000000 + cnt_no * 1000 AS VARCHAR), 12, '0')`,
    DISP_DATE: `CASE WHEN stp_kind = ${COURT} THEN
      CASE WHEN bad_disp_date THEN CAST(stp_ymd // 10000 AS VARCHAR) || '1300' ELSE CAST(stp_ymd AS VARCHAR) END END`,
    OFFENSE_CODE: `CASE WHEN with_code THEN getvariable('off_cjis')[off_id] END`,
    OFFENSE_DESCR: `CASE WHEN stp_kind = ${REGISTRATION} THEN ${lit(REGISTRATION_DESCR)} WHEN stp_kind = ${DECEASED} THEN NULL
      WHEN descr_form = 0 THEN 'SEE COMMENT FOR CHARGE' ELSE ${perOffense('off_text', DESCR_FORMS, 'descr_form')} END`,
    OFFENSE_TOC: textSql(TOC, 'toc_code'),
    OFFENSE_QUAL_LST: textSql(QUALIFIERS, 'qual_code'),
    // one case number per court case, shared by its counts
    FE_NUM_CRT_CASE: `CASE WHEN stp_kind = ${COURT} THEN lpad(CAST(stp_ymd // 10000 % 100 AS VARCHAR), 2, '0') || 'CR'
      || CAST(sid * 16 + k + 10000000 AS VARCHAR) END`,
    DISP_DESCR: textSql(DISPOSITIONS, 'disp'),
    CONV_STAT_DESCR: textSql(CONV_STATUS, 'conv_stat'),
    SENT_ORDER: 'sent_order',
    SENT_LOC_DESCR: textSql(SENT_LOC, 'loc_code'),
    SENT_LENGTH: 'sent_len',
    SENT_TIME_CODE: textSql(TIME_UNIT, 'unit_code'),
    SENT_TIME_DESCR: textSql(TIME_UNIT_DESCR, 'unit_code'),
    CYC_AGE: 'age',
    COMMENT_TEXT: perOffense('off_comment', COMMENT_FORMS, 'comment_form + 1'),
  }
}

/** Fixed texts written unquoted that hold a comma, quote or line break (must be none). */
export function csvUnsafeTexts(): string[] {
  const texts = [
    ...NAME_LISTS.surnames,
    ...NAME_LISTS.firstNames,
    ...DISPOSITIONS,
    ...STEP_TYPES,
    ...RACE_CODES,
    ...Object.values(P.RACE_DESCR),
    ...CONV_STATUS,
    ...SENT_LOC,
    ...QUALIFIERS,
    REGISTRATION_DESCR,
  ]
  return texts.filter((t) => /[",\n\r]/.test(t))
}

/** The header line: the contract's 95 names in order. */
export function headerLine(): string {
  return DOJ_COLUMNS.map((c) => c.name).join(',')
}

/**
 * One CSV line per row, as a single column named after the header line, sorted by person, cycle, step,
 * count and sentence part. Blank fields are NULL inside concat(), which writes them as nothing.
 */
export function outputSelectSql(seed: number): string {
  const sql = columnSql(seed)
  const parts: string[] = []
  let commas = ''
  DOJ_COLUMNS.forEach((c, i) => {
    if (i > 0) commas += ','
    const e = sql[c.name]
    if (e === undefined) return
    if (commas) parts.push(lit(commas))
    commas = ''
    parts.push(`CAST(${e} AS VARCHAR)`)
  })
  if (commas) parts.push(lit(commas))
  const bits = (shift: number, width: number) => `CAST((sort_key >> ${shift}) & ${2 ** width - 1} AS TINYINT)`
  return `SELECT concat(
  ${parts.join(',\n  ')}
) AS "${headerLine()}"
FROM (
  SELECT *, sort_key >> ${KEY.sid} AS sid, ${bits(KEY.cycle, KEY.sid - KEY.cycle)} AS cyc_order,
    ${bits(KEY.step, KEY.cycle - KEY.step)} AS stp_order,
    ${bits(KEY.count, KEY.step - KEY.count)} AS cnt_no, CAST(nullif(sort_key & ${2 ** KEY.count - 1}, 0) AS TINYINT) AS sent_order
  FROM (SELECT * FROM (${rowsQuery()}) AS unsorted ORDER BY sort_key) AS sorted
) AS expanded`
}
