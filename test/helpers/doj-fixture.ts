/**
 * Hand-made DOJ extract rows for tests: name only the fields a case is about; the rest are blank.
 * `conviction(...)` builds the usual court-action row of one convicted count.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DOJ_COLUMN_NAMES,
  type DojColumnName,
  type DojRow,
} from '../../data-contracts/doj-extract.contract.ts'

export function dojRow(fields: Partial<DojRow>): DojRow {
  const row = {} as DojRow
  for (const n of DOJ_COLUMN_NAMES) row[n] = fields[n] ?? ''
  return row
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
}

export function toCsvLine(row: DojRow): string {
  return DOJ_COLUMN_NAMES.map((n: DojColumnName) => csvField(row[n])).join(',')
}

/** Writes rows as a DOJ file (header line by default) and returns its path. */
export function writeExtract(
  rows: DojRow[],
  opts: { header?: boolean; dir?: string; name?: string } = {},
): string {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'relief-fixture-'))
  const path = join(dir, opts.name ?? 'extract.csv')
  const lines = [...(opts.header === false ? [] : [DOJ_COLUMN_NAMES.join(',')]), ...rows.map(toCsvLine)]
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

export interface ConvictionSpec {
  subject: string
  cnt: string
  /** e.g. '11359 HS-POSS MARIJUANA FOR SALE' */
  offense: string
  /** conviction (disposition) date YYYYMMDD */
  convicted: string
  /** arrest cycle (offense) date YYYYMMDD; '' for unknown */
  offenseDate?: string
  level?: 'FELONY' | 'MISDEMEANOR' | 'INFRACTION' | ''
  toc?: 'F' | 'M' | 'I' | ''
  dob?: string
  county?: string
  court?: string
  caseNumber?: string
  qualifiers?: string
  sentence?: { kind: string; length: string; unit: 'D' | 'M' | 'Y' }[]
  disposition?: string
  name?: string
  cii?: string
  race?: string
  gender?: string
  comment?: string
  /** CJIS offense code (OFFENSE_CODE) */
  code?: string
}

/** One convicted count: one row per sentence part (or one row with no sentence). */
export function conviction(s: ConvictionSpec): DojRow[] {
  const base: Partial<DojRow> = {
    SUBJECT_ID: s.subject,
    CII_NUMBER: s.cii ?? `A${s.subject}`,
    PRI_NAME: s.name ?? `DOE,${s.subject}`,
    GENDER: s.gender ?? 'M',
    PRI_DOB: s.dob ?? '19600101',
    RACE_CODE: s.race ?? 'W',
    CYC_DATE: s.offenseDate ?? s.convicted,
    STP_EVENT_DATE: s.convicted,
    STP_TYPE_DESCR: 'COURT ACTION',
    STP_ORI_DESCR: s.court ?? `CASC ${s.county ?? 'SAN JOAQUIN'}`,
    STP_ORI_CNTY_NAME: s.county ?? 'SAN JOAQUIN',
    CNT_ORDER: s.cnt,
    DISP_DATE: s.convicted,
    OFFENSE_DESCR: s.offense,
    OFFENSE_CODE: s.code ?? '',
    OFFENSE_TOC: s.toc ?? (s.level === 'MISDEMEANOR' ? 'M' : s.level === 'INFRACTION' ? 'I' : 'F'),
    OFFENSE_QUAL_LST: s.qualifiers ?? '',
    FE_NUM_CRT_CASE: s.caseNumber ?? `CASE-${s.subject}-${s.cnt.slice(0, 3)}`,
    DISP_DESCR: s.disposition ?? 'CONVICTED-PROBATION',
    CONV_STAT_DESCR: s.level ?? 'FELONY',
    COMMENT_TEXT: s.comment ?? '',
  }
  const parts = s.sentence ?? []
  if (parts.length === 0) return [dojRow(base)]
  return parts.map((p, i) =>
    dojRow({
      ...base,
      SENT_ORDER: String(i + 1),
      SENT_LOC_DESCR: p.kind,
      SENT_LENGTH: p.length,
      SENT_TIME_CODE: p.unit,
    }),
  )
}

/** A felony HS 11359 of 2005 in two one-year prison parts: the plain in-scope count of the input tests. */
export const felonySale = (subject: string, more: Partial<ConvictionSpec> = {}): DojRow[] =>
  conviction({
    subject,
    cnt: '001001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20050301',
    level: 'FELONY',
    toc: 'F',
    sentence: [
      { kind: 'PRISON', length: '1', unit: 'Y' },
      { kind: 'PRISON', length: '1', unit: 'Y' },
    ],
    ...more,
  })

/** felonySale as CSV lines. */
export const felonySaleLines = (subject: string, more: Partial<ConvictionSpec> = {}): string[] =>
  felonySale(subject, more).map(toCsvLine)
