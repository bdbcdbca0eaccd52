/**
 * From histories to DOJ rows: one row per subject x cycle x step x count x sentence part, then the
 * projection onto the 95 contract columns (DOJ_COLUMNS is the only source of their order).
 */
import { DOJ_COLUMNS, type DojColumnName } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../lib/duckdb.ts'
import { REGISTRATION_DESCR } from './offenses.ts'
import * as P from './parameters.ts'
import { dateLit } from './sql-helpers.ts'

/** Format noise on OFFENSE_DESCR; `f` is a per (count, step) number in [0, 1000). */
function offenseDescr(f: string): { descr: string; comment: string; canonical: string } {
  const canonical = `base || sub || ' ' || code_type || '-' || literal`
  const a = P.SEE_COMMENT_PER_MILLE
  const b = a + P.NO_SPACE_PER_MILLE
  const c = b + P.LOWER_SUBSECTION_PER_MILLE
  const e = c + P.PADDED_PER_MILLE
  return {
    canonical,
    descr: `CASE WHEN ${f} < ${a} THEN 'SEE COMMENT FOR CHARGE'
      WHEN ${f} < ${b} THEN base || sub || code_type || '-' || literal
      WHEN ${f} < ${c} THEN base || lower(sub) || ' ' || code_type || '-' || literal
      WHEN ${f} < ${e} THEN '  ' || ${canonical} || '    '
      ELSE ${canonical} END`,
    // the charge moves to COMMENT_TEXT; some comments carry commas or quotes so CSV quoting is exercised
    comment: `CASE WHEN ${f} < ${a} THEN ${canonical} || CASE ${f} % 3 WHEN 0 THEN '' WHEN 1 THEN ', PER AMENDED COMPLAINT'
      ELSE ' "AS CHARGED"' END END`,
  }
}

/** Columns every row set below produces, in this order. */
const ROW_COLUMNS = [
  'sid',
  'cyc_order',
  'stp_order',
  'cnt_no',
  'sent_order',
  'cyc_date',
  'age',
  'stp_date',
  'stp_type',
  'ori',
  'ori_descr',
  'cc',
  'cname',
  'disp_date_txt',
  'offense_code',
  'offense_descr',
  'toc',
  'qual',
  'crt_case',
  'disp_descr',
  'conv_stat',
  'sent_loc',
  'sent_len',
  'sent_unit',
  'comment_text',
] as const

export function rowSql(): string[] {
  const court = `CASE WHEN has_arrest THEN 2 ELSE 1 END`
  const noise = (step: number) => `CAST(h(nk * 4 + ${step}, 60) % 1000 AS INTEGER)`
  const od = offenseDescr('fmt')
  const code = `CASE WHEN fmt < ${P.SEE_COMMENT_PER_MILLE} THEN NULL
    WHEN d < ${dateLit(P.OLD_ROW_NO_CODE_BEFORE)} AND u(nk, 61) < ${P.OLD_ROW_NO_CODE_SHARE} THEN NULL ELSE cjis END`
  const qual = (step: number) =>
    `coalesce(qual, CASE WHEN u(nk * 4 + ${step}, 62) < ${P.PADDED_QUALIFIER_SHARE} THEN '              ' END)`
  const names = ROW_COLUMNS.join(', ')
  return [
    // registration follows a conviction for a PC 290(c) offense; the step comes after the court step
    `CREATE OR REPLACE TABLE reg AS
SELECT sid, ck, cyc_order, d, age, cci, cc, cname, agency_idx, ${court} + 1 AS stp_order,
  court_d + CAST(ri(ck, 63, 5, 60) AS INTEGER) AS reg_d
FROM cnt WHERE j = 0 AND registrable AND conv`,
    `CREATE OR REPLACE TABLE death AS
WITH last_cyc AS (
  SELECT c.sid, max_by(c.ck, c.cyc_order) AS ck, max(c.cyc_order) AS cyc_order,
    max(greatest(c.d, CASE WHEN c.has_court THEN c.court_d END, r.reg_d)) AS last_event
  FROM cyc c LEFT JOIN reg r ON r.ck = c.ck
  WHERE c.sid IN (SELECT sid FROM subj WHERE deceased)
  GROUP BY c.sid
)
SELECT l.sid, l.cyc_order, c.d, c.age, c.cc, c.cname, c.cci,
  CAST(c.has_arrest AS INTEGER) + CAST(c.has_court AS INTEGER) + CAST(r.ck IS NOT NULL AS INTEGER) + 1 AS stp_order,
  l.last_event + CAST(ri(l.sid, 70, 30, greatest(30, ${dateLit(P.LAST_DEATH_DATE)} - l.last_event)) AS INTEGER) AS death_d
FROM last_cyc l JOIN cyc c ON c.ck = l.ck LEFT JOIN reg r ON r.ck = l.ck`,
    `CREATE OR REPLACE TABLE rows AS
WITH arrest_cnt AS (
  SELECT *, ${noise(0)} AS fmt FROM cnt WHERE has_arrest
), court_cnt AS (
  SELECT *, ${noise(1)} AS fmt FROM cnt WHERE has_court
), sets AS (
  SELECT a.sid, a.cyc_order, 1 AS stp_order, a.j + 1 AS cnt_no, CAST(NULL AS INTEGER) AS sent_order,
    a.d AS cyc_date, a.age, a.d AS stp_date, 'ARREST/DETAINED/CITED' AS stp_type, ag.ori, ag.descr AS ori_descr,
    a.cc, a.cname, CAST(NULL AS VARCHAR) AS disp_date_txt, ${code} AS offense_code, ${od.descr} AS offense_descr,
    a.toc, ${qual(0)} AS qual, CAST(NULL AS VARCHAR) AS crt_case,
    a.arrest_dispo AS disp_descr, CAST(NULL AS VARCHAR) AS conv_stat,
    CAST(NULL AS VARCHAR) AS sent_loc, CAST(NULL AS INTEGER) AS sent_len, CAST(NULL AS VARCHAR) AS sent_unit,
    ${od.comment} AS comment_text
  FROM arrest_cnt a JOIN agency ag ON ag.cc = a.cc AND ag.idx = a.agency_idx
  UNION ALL
  SELECT c.sid, c.cyc_order, CASE WHEN c.has_arrest THEN 2 ELSE 1 END, c.j + 1, sp.part_no,
    c.d, c.age, c.court_d, 'COURT ACTION', co.ori, co.descr, c.cc, c.cname, c.disp_date_txt,
    ${code}, ${od.descr}, c.toc, ${qual(1)},
    -- one case number per court case, shared by its counts
    strftime(c.court_d, '%y') || CASE WHEN c.case_felony THEN 'F' ELSE 'M' END || format('{:07d}', c.ck),
    c.disp_descr, c.conv_stat, sp.loc,
    CASE WHEN sp.len_lo IS NOT NULL THEN CAST(sp.len_lo + ri(c.nk * 8 + sp.part_no, 64, 0, sp.len_hi - sp.len_lo) AS INTEGER) END,
    sp.unit, ${od.comment}
  FROM court_cnt c JOIN court co ON co.cc = c.cc AND co.idx = c.court_idx
  LEFT JOIN sent_part sp ON sp.pattern = c.pattern
  UNION ALL
  SELECT r.sid, r.cyc_order, r.stp_order, 1, NULL, r.d, r.age, r.reg_d, 'REGISTRATION', ag.ori, ag.descr, r.cc, r.cname,
    NULL, NULL, ${lit(REGISTRATION_DESCR)}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM reg r JOIN agency ag ON ag.cc = r.cc AND ag.idx = r.agency_idx
  UNION ALL
  SELECT x.sid, x.cyc_order, x.stp_order, 1, NULL, x.d, x.age, x.death_d, 'DECEASED', ag.ori, ag.descr, x.cc, x.cname,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM death x JOIN agency ag ON ag.cc = x.cc AND ag.descr = 'CASO ' || x.cname
)
SELECT ${names} FROM sets`,
  ]
}

/** SQL for each contract column, over rows joined to their subject; columns not listed are written blank. */
const COLUMN_SQL: Partial<Record<DojColumnName, string>> = {
  SUBJECT_ID: 'subject_id',
  CII_NUMBER: 'cii',
  PRI_NAME: 'pri_name',
  GENDER: 'gender',
  PRI_DOB: 'pri_dob',
  RACE_CODE: 'race_code',
  RACE_DESCR: 'race_descr',
  CYC_ORDER: 'cyc_order',
  CYC_DATE: `strftime(cyc_date, '%Y%m%d')`,
  STP_ORDER: 'stp_order',
  STP_EVENT_DATE: `strftime(stp_date, '%Y%m%d')`,
  STP_TYPE_DESCR: 'stp_type',
  STP_ORI_CODE: 'ori',
  STP_ORI_DESCR: 'ori_descr',
  STP_ORI_CNTY_CODE: 'cc',
  STP_ORI_CNTY_NAME: 'cname',
  CNT_ORDER: `format('{:03d}{:03d}{:03d}000', cyc_order, stp_order, cnt_no)`,
  DISP_DATE: 'disp_date_txt',
  OFFENSE_CODE: 'offense_code',
  OFFENSE_DESCR: 'offense_descr',
  OFFENSE_TOC: 'toc',
  OFFENSE_QUAL_LST: 'qual',
  FE_NUM_CRT_CASE: 'crt_case',
  DISP_DESCR: 'disp_descr',
  CONV_STAT_DESCR: 'conv_stat',
  SENT_ORDER: 'sent_order',
  SENT_LOC_DESCR: 'sent_loc',
  SENT_LENGTH: 'sent_len',
  SENT_TIME_CODE: 'sent_unit',
  SENT_TIME_DESCR: `CASE sent_unit WHEN 'D' THEN 'DAYS' WHEN 'M' THEN 'MONTHS' WHEN 'Y' THEN 'YEARS' END`,
  CYC_AGE: 'age',
  COMMENT_TEXT: 'comment_text',
}

/** Sort key of the file: person, then cycle, step, count and sentence part (unique per row). */
export const ROW_ORDER = 'r.sid, r.cyc_order, r.stp_order, r.cnt_no, r.sent_order NULLS FIRST'

/** The file, every contract column in order. Sorting the narrow rows first keeps the sort cheap. */
export function outputSelectSql(): string {
  const cols = DOJ_COLUMNS.map((c) => `${COLUMN_SQL[c.name] ?? 'CAST(NULL AS VARCHAR)'} AS "${c.name}"`).join(',\n  ')
  return `SELECT\n  ${cols}\nFROM (SELECT r.*, ${subjectColumns()} FROM rows r JOIN subj s ON s.sid = r.sid ORDER BY ${ROW_ORDER}) AS ordered`
}

function subjectColumns(): string {
  return ['subject_id', 'cii', 'pri_name', 'gender', 'pri_dob', 'race_code', 'race_descr'].map((c) => `s.${c}`).join(', ')
}
