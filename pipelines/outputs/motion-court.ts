/**
 * One court's motion files, written where they are drawn: the CSV and the PDF of a court, from its rows
 * column by column, plus the figures its line in restricted/motions/index.csv needs. Runs on a render worker
 * (or on the main thread for a small run): each worker renders and writes its own courts, so neither the
 * rows nor the rendered bytes travel between threads as objects: each row comes in as one JSON array
 * string (what DuckDB hands over cheapest, see write-motions.ts) and is parsed here.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import type { MotionCase } from '../../reports/motions/motion-case.ts'
import { motionCsvBytes } from '../../reports/motions/motion-csv.ts'
import {
  motionPdfWriter,
  renderMotionPdf,
  scheduleTotals,
  type MotionHeading,
} from '../../reports/motions/motion-pdf.ts'
import { schedulesOf, type ReliefSection } from '../../reports/motions/relief-sections.ts'
import { writeRestrictedFile } from '../export/restricted-files.ts'
import type { MotionSource } from '../../reports/motions/motion-source.ts'

/** The columns the motions draw, in the order of MotionCase. */
export const MOTION_COLUMNS = [
  'county',
  'court',
  'remedy',
  'determination',
  'reduced_level',
  'layer',
  'is_related',
  'case_number',
  'subject_id',
  'name',
  'aka',
  'dob',
  'cii_number',
  'conviction_date',
  'code_sections',
  'counts',
  'count_orders',
  'rule_ids',
  'reason',
] as const satisfies readonly (keyof MotionCase)[]

/**
 * One row as DuckDB's to_json of its MOTION_COLUMNS values, all cast to VARCHAR: a JSON array of strings
 * and nulls, except that the reason is its index in the run's list of distinct reasons (a few hundred texts
 * of ~300 characters, which would otherwise be most of every row).
 */
export type MotionRowJson = string

/**
 * A court's rows: its MotionRowJson arrays in motion order, joined by commas. One string per court is far
 * cheaper to read from the driver, and to send to a worker, than one per row (or per cell).
 */
export type MotionRowsJson = string

/** The rows of a MotionRowsJson, in order. */
export function motionCases(rows: MotionRowsJson, reasons: readonly string[]): MotionCase[] {
  if (!rows) return []
  return (JSON.parse(`[${rows}]`) as (string | null)[][]).map((v) => caseOf(v, reasons))
}

/** The row a JSON array stands for (is_related and counts arrive as text, the reason as its index). */
export function motionCase(json: MotionRowJson, reasons: readonly string[]): MotionCase {
  return caseOf(JSON.parse(json) as (string | null)[], reasons)
}

function caseOf(v: (string | null)[], reasons: readonly string[]): MotionCase {
  // Positions as in MOTION_COLUMNS.
  return {
    county: v[0] ?? null,
    court: v[1] ?? null,
    remedy: v[2]!,
    determination: v[3]!,
    reduced_level: v[4] as MotionCase['reduced_level'],
    layer: v[5] as MotionCase['layer'],
    is_related: v[6] === 'true',
    case_number: v[7] ?? null,
    subject_id: v[8]!,
    name: v[9] ?? null,
    aka: v[10]!,
    dob: v[11] ?? null,
    cii_number: v[12] ?? null,
    conviction_date: v[13] ?? null,
    code_sections: v[14]!,
    counts: Number(v[15]),
    count_orders: v[16]!,
    rule_ids: v[17]!,
    reason: reasonAt(reasons, v[18]!),
  }
}

function reasonAt(reasons: readonly string[], index: string): string {
  const reason = reasons[Number(index)]
  if (reason === undefined) throw new Error(`motion row: no reason ${index}`)
  return reason
}

export interface CourtJob {
  county: string
  court: string
  /** Absolute path of the court's files without extension; the folder exists. */
  base: string
  runId: string
  asOf: string
  policy: string
  toolVersion: string
  source: MotionSource
  sections: readonly ReliefSection[]
  /** The court's rows in motion order. */
  rows: MotionRowsJson
  /** The run's distinct reasons, which the rows give by index. */
  reasons: readonly string[]
}

/** What the index line says about the court. */
export interface CourtResult {
  pages: number
  /** 'A=3 B=0 …' */
  cases: string
  convictions: string
  people: number
}

/** Renders and writes <base>.csv and <base>.pdf (owner-only). */
export function writeCourt(job: CourtJob): CourtResult {
  const cases = motionCases(job.rows, job.reasons)
  const schedules = schedulesOf(cases, job.sections)
  writeRestrictedFile(`${job.base}.csv`, motionCsvBytes(schedules))
  const pdf = renderMotionPdf({
    county: job.county,
    court: job.court,
    runId: job.runId,
    asOf: job.asOf,
    policy: job.policy,
    toolVersion: job.toolVersion,
    source: job.source,
    schedules,
  })
  writeRestrictedFile(`${job.base}.pdf`, pdf.bytes)
  const totals = scheduleTotals(schedules)
  return {
    pages: pdf.pages,
    cases: totals.map((t) => `${t.section.schedule}=${t.cases}`).join(' '),
    convictions: totals.map((t) => `${t.section.schedule}=${t.convictions}`).join(' '),
    people: new Set(cases.map((c) => c.subject_id)).size,
  }
}

/**
 * A court whose CSV and schedule pages the native drawer wrote (native-motions.ts): its PDF is the cover's pages,
 * footed, then the drawer's pages, read from their place in its pages file.
 */
export interface AssembleJob {
  /** Absolute path of the court's files without extension. */
  base: string
  heading: MotionHeading
  total: number
  /** The cover's pages as content streams, footed. */
  cover: Uint8Array[]
  pagesFile: string
  offset: number
  length: number
}

/** Writes <base>.pdf from the cover and the drawer's pages (each a 4-byte little-endian length, then its bytes). */
export function assembleCourtPdf(job: AssembleJob): void {
  const pdf = motionPdfWriter(job.heading, job.total)
  for (const c of job.cover) pdf.addPage(c)
  const bytes = Buffer.allocUnsafe(job.length)
  const fd = openSync(job.pagesFile, 'r')
  try {
    if (readSync(fd, bytes, 0, job.length, job.offset) !== job.length)
      throw new Error(`${job.pagesFile}: the drawer's pages are cut short`)
  } finally {
    closeSync(fd)
  }
  for (let at = 0; at < bytes.length;) {
    const n = bytes.readUInt32LE(at)
    pdf.addPage(bytes.subarray(at + 4, at + 4 + n))
    at += 4 + n
  }
  writeRestrictedFile(`${job.base}.pdf`, pdf.finish())
}

/** What a render worker is asked: a court drawn whole, or a PDF assembled from the native drawer's pages. */
export type MotionJob = { kind: 'court'; court: CourtJob } | { kind: 'assemble'; assemble: AssembleJob }

/** Does one job; a court drawn whole answers with its index figures. */
export function runMotionJob(job: MotionJob): CourtResult | null {
  if (job.kind === 'court') return writeCourt(job.court)
  assembleCourtPdf(job.assemble)
  return null
}
