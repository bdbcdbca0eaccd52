/**
 * Seeded synthetic statewide extract in the CA DOJ research-file format (95 columns, header line).
 * Set-based: every row is built in DuckDB from range() and seeded hashes and written by one ordered COPY,
 * so the same seed and options give a byte-identical file on any thread count.
 * Assumptions and rates: data-contracts/synthetic-generator.md.
 */
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { openDb } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { cycleSql, deathSql, subjectSql } from './history.ts'
import { DEFAULT_DISPARITY } from './parameters.ts'
import { referenceChecks, referenceTableSql } from './reference-tables.ts'
import { checkKeyBounds, csvUnsafeTexts, lookupSql, outputSelectSql } from './rows.ts'
import { seededMacros } from './sql-helpers.ts'

export interface GenerateOptions {
  subjects: number
  seed: number
  out: string
  /** Black adults enter the subject population at this many times the White rate (default DEFAULT_DISPARITY). */
  disparity?: number
  threads?: number
}

export interface GenerateResult {
  rows: number
  subjects: number
  out: string
  seconds: number
}

/** Measured mean rows per subject (seed 1, 100,000 subjects), for choosing --subjects for a row target. */
export const ROWS_PER_SUBJECT_ESTIMATE = 8.9

export { DEFAULT_DISPARITY }

function check(opts: GenerateOptions): Required<GenerateOptions> {
  const { subjects, seed, out } = opts
  const disparity = opts.disparity ?? DEFAULT_DISPARITY
  const threads = opts.threads ?? 2
  if (!Number.isInteger(subjects) || subjects < 1 || subjects > 50_000_000)
    throw new Error(`subjects must be an integer from 1 to 50,000,000, got ${subjects}`)
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`seed must be a non-negative integer, got ${seed}`)
  if (!Number.isFinite(disparity) || disparity <= 0 || disparity > 100)
    throw new Error(`disparity must be a number above 0 and at most 100, got ${disparity}`)
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`threads must be a positive integer, got ${threads}`)
  if (!out) throw new Error('out must name a file')
  return { subjects, seed, out, disparity, threads }
}

/** Every statement, in order, that builds the tables the file's rows are computed from. */
export function buildSql(o: Pick<Required<GenerateOptions>, 'subjects' | 'seed' | 'disparity'>): string[] {
  return [
    ...seededMacros(o.seed),
    ...referenceTableSql(o.disparity),
    ...lookupSql(),
    subjectSql(o.subjects),
    cycleSql(),
    deathSql(),
  ]
}

export async function generateExtract(opts: GenerateOptions): Promise<GenerateResult> {
  const o = check(opts)
  const started = performance.now()
  const db = await openDb(':memory:', { threads: o.threads })
  // written next to the target and renamed, so a failed run never leaves a half file under the real name
  const partial = `${o.out}.partial`
  try {
    const statements = buildSql(o)
    const checksAt = statements.findIndex((s) => s.startsWith('CREATE OR REPLACE TABLE subj'))
    for (const [i, sql] of statements.entries()) {
      if (i === checksAt) await runChecks((q) => db.rows(q))
      await db.run(sql)
    }
    await mkdir(dirname(o.out), { recursive: true })
    // The rows, their sort and the write on every thread, the writer keeping the sorted order (the file's bytes
    // are the same on any thread count). One thread took 1.6-2.6 s longer at 100k subjects (8.1-8.3 s against
    // 5.5 s, the same bytes); the demo waits on it with a core otherwise idle.
    await db.run('SET preserve_insertion_order = true')
    // each row is already a formatted CSV line (fields quoted in SQL), so the writer must not quote again
    const copied = await db.rows<{ Count: string | number }>(
      `COPY (${outputSelectSql(o.seed)}) TO ${lit(partial)} (HEADER, QUOTE '')`,
    )
    await rename(partial, o.out)
    const rows = Number(copied[0]?.Count ?? 0)
    return { rows, subjects: o.subjects, out: o.out, seconds: (performance.now() - started) / 1000 }
  } catch (e) {
    await rm(partial, { force: true })
    throw e
  } finally {
    db.close()
  }
}

async function runChecks(rows: (sql: string) => Promise<unknown[]>): Promise<void> {
  checkKeyBounds()
  const unsafe = csvUnsafeTexts()
  if (unsafe.length) throw new Error(`generator texts need CSV quoting: ${unsafe.join(' | ')}`)
  for (const c of referenceChecks()) {
    const bad = await rows(c.sql)
    if (bad.length)
      throw new Error(`generator reference check failed: ${c.what}: ${JSON.stringify(bad.slice(0, 5))}`)
  }
}
