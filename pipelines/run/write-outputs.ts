/**
 * Writes a run's files with DuckDB COPY (no JavaScript row loops), in a stable order so reruns are byte-identical.
 * Each file is written owner-only under a temporary name and renamed into place, so an interruption leaves the
 * previous file (or none), never a half-written one.
 */
import { renameSync, rmSync } from 'node:fs'
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { spreadsheetSafeSelect } from '../../sql/helpers/spreadsheet-safe.ts'
import { prepareRestrictedFile } from '../export/restricted-files.ts'
import {
  COUNT_DETERMINATIONS_COLUMNS,
  COUNT_DETERMINATIONS_ORDER,
} from '../../data-contracts/outputs/count-determinations.contract.ts'

/**
 * The SELECT with every text column made spreadsheet-safe (data-contracts/outputs/spreadsheet-safety.ts):
 * the text columns are found with DESCRIBE, so numbers and dates are written as they are.
 */
export async function spreadsheetSafe(db: Db, select: string): Promise<string> {
  const cols = await db.rows<{ column_name: string; column_type: string }>(`describe (${select})`)
  return spreadsheetSafeSelect(
    select,
    cols.map((c) => ({ name: c.column_name, text: c.column_type === 'VARCHAR' })),
  )
}

/** COPY to a temporary owner-only file beside `path`, then rename it over `path`. */
export async function copyAtomically(db: Db, select: string, path: string, options: string): Promise<void> {
  const tmp = `${path}.relief-tmp`
  prepareRestrictedFile(tmp)
  try {
    await db.run(`copy (${select}) to ${lit(tmp)} (${options})`)
    renameSync(tmp, path)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** A CSV a person may open in a spreadsheet: text cells that would start a formula get a leading '. */
export async function copyCsv(db: Db, select: string, path: string): Promise<void> {
  await copyAtomically(db, await spreadsheetSafe(db, select), path, `format csv, header true, delimiter ','`)
}

/** A CSV only this program reads back (the filing ledger): values exactly as stored. */
export async function copyMachineCsv(db: Db, select: string, path: string): Promise<void> {
  await copyAtomically(db, select, path, `format csv, header true, delimiter ','`)
}

export async function copyParquet(db: Db, select: string, path: string): Promise<void> {
  await copyAtomically(db, select, path, `format parquet, compression zstd`)
}

/** count_determinations.csv / .parquet: the contract's columns, in its order. */
export const DETERMINATIONS_SELECT = `select ${COUNT_DETERMINATIONS_COLUMNS.map((c) => `"${c}"`).join(', ')}
from count_determinations order by ${COUNT_DETERMINATIONS_ORDER.join(', ')}`
export const REJECTS_SELECT = `select file, line, reason, raw_text from ingest_rejects order by file, line nulls last, reason`
