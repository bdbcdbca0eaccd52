/** Validates and normalises run options once, so every later step can trust them. */
import type { OutputStep } from '../outputs/output-step.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { UserError } from '../lib/user-error.ts'
import { DOJ_ROWS, type DojRows } from '../outputs/doj-results-sql.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { INPUT_ENCODINGS, type InputEncoding } from '../../data-contracts/input-encodings.ts'

export interface RunOptions {
  inputs: string[]
  out: string
  db?: string
  county?: string | null
  policy?: string[]
  asOf?: string
  threads?: number
  memoryLimit?: string
  /** The input files' character encoding (--encoding): utf-8 (default) or latin-1. */
  encoding?: string
  /**
   * --reader: 'auto' (default) folds the input with the native reader when it takes the files, else DuckDB reads
   * them; 'native' fails when it does not; 'duckdb' always reads with DuckDB.
   */
  reader?: string
  quiet?: boolean
  /** Rows of the DOJ result files: in-scope count rows (default) or every row of in-scope people. */
  dojRows?: DojRows
  /** Skip motions, DOJ files, summary and report (tests that only need determinations). */
  determinationsOnly?: boolean
  /**
   * The output steps, in place of the registered ones (`relief reconcile` adds its court index step and draws
   * the report after it). Given, they run even with determinationsOnly.
   */
  steps?: readonly OutputStep[]
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}

export function checkAsOf(s: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(s) ||
    Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ||
    new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s
  )
    throw new UserError(`--as-of ${s}: expected a real date as YYYY-MM-DD`)
  return s
}

let counties: { county_code: string; county: string }[] | undefined
export function countyNames(): { county_code: string; county: string }[] {
  counties ??= parse(readFileSync(join(REFERENCE_DIR, 'counties.csv')), { columns: true }) as {
    county_code: string
    county: string
  }[]
  return counties
}

/** "los-angeles", "Los Angeles", "LOS ANGELES" or the DOJ code "19" → "LOS ANGELES". */
export function normaliseCounty(arg: string): string {
  const key = arg.trim().toUpperCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ')
  const hit = countyNames().find((c) => c.county === key || c.county_code === key.padStart(2, '0'))
  if (!hit)
    throw new UserError(
      `--county ${arg}: not a California county (try a name like "Los Angeles" or a DOJ code 01–58)`,
    )
  return hit.county
}

export function checkDojRows(s: string | undefined): DojRows | undefined {
  if (s === undefined) return undefined
  if (!(DOJ_ROWS as readonly string[]).includes(s))
    throw new UserError(`--doj-rows ${s}: expected ${DOJ_ROWS.join(' or ')}`)
  return s as DojRows
}

/** --reader: auto (the default), native or duckdb. */
export function checkReader(s: string | undefined): 'auto' | 'native' | 'duckdb' {
  const r = (s ?? 'auto').toLowerCase()
  if (r === 'auto' || r === 'native' || r === 'duckdb') return r
  throw new UserError(`--reader ${s}: must be auto, native or duckdb`)
}

/** --encoding: one of INPUT_ENCODINGS, in any case ("UTF8", "latin1" and "ISO-8859-1" are taken too). */
export function checkEncoding(s: string | undefined, option = '--encoding'): InputEncoding {
  if (s === undefined) return 'utf-8'
  const key = s.trim().toLowerCase().replace(/_/g, '-')
  const named: Record<string, InputEncoding> = {
    'utf-8': 'utf-8',
    utf8: 'utf-8',
    'latin-1': 'latin-1',
    latin1: 'latin-1',
    'iso-8859-1': 'latin-1',
    'iso8859-1': 'latin-1',
  }
  const hit = named[key]
  if (!hit) throw new UserError(`${option} ${s}: expected ${INPUT_ENCODINGS.join(' or ')}`)
  return hit
}
