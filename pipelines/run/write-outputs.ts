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

const DETERMINATIONS_COLUMNS = COUNT_DETERMINATIONS_COLUMNS.map((c) => `"${c}"`).join(', ')

/** count_determinations.csv / .parquet: the contract's columns, in its order. */
export const DETERMINATIONS_SELECT = `select ${DETERMINATIONS_COLUMNS}
from count_determinations order by ${COUNT_DETERMINATIONS_ORDER.join(', ')}`

/**
 * count_determinations.csv and .parquet from one sort: the rows are sorted once into a temp table and both files
 * copied from it in that order (DuckDB keeps a table's order in a COPY while preserve_insertion_order is on; the
 * run turns it off elsewhere, and it is a setting of the whole database, so it is on only for these copies).
 * Sorting for each file took about 0.5 s of the 1.8 s both took at 2M lines.
 */
export async function writeDeterminations(db: Db, csvPath: string, parquetPath: string): Promise<void> {
  await db.run(`set preserve_insertion_order = true`)
  try {
    await db.run(`create or replace temp table determinations_in_order as ${DETERMINATIONS_SELECT}`)
    const sorted = `select ${DETERMINATIONS_COLUMNS} from determinations_in_order`
    await copyCsv(db, sorted, csvPath)
    await copyParquet(db, sorted, parquetPath)
  } finally {
    await db.run(`drop table if exists determinations_in_order`)
    await db.run(`set preserve_insertion_order = false`)
  }
}
export const REJECTS_SELECT = `select file, line, reason, raw_text from ingest_rejects order by file, line nulls last, reason`
