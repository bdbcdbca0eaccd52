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
import { withInsertionOrder } from '../export/insertion-order.ts'
import { underThreads, withFineScans } from './fine-scans.ts'
import { withThreads } from './db-threads.ts'
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

/**
 * A Parquet file, compressed with Snappy: at 5M lines count_determinations.parquet took 1.6–2.0 s beside the CSV
 * against 1.9–2.9 s with zstd (3.3–4.4 against 3.8–5.6 CPU-s for the two files), for 19 MB against 14 MB
 * (docs/scale.md, "Session 31"). Every Parquet reader reads both.
 */
export async function copyParquet(db: Db, select: string, path: string): Promise<void> {
  await copyAtomically(db, select, path, `format parquet, compression snappy`)
}

const DETERMINATIONS_COLUMNS = COUNT_DETERMINATIONS_COLUMNS.map((c) => `"${c}"`).join(', ')

/** count_determinations.csv / .parquet: the contract's columns, in its order. */
export const DETERMINATIONS_SELECT = `select ${DETERMINATIONS_COLUMNS}
from count_determinations order by ${COUNT_DETERMINATIONS_ORDER.join(', ')}`

/**
 * count_determinations.csv and .parquet, copied at the same time on two connections from the table as it is
 * stored: the model keeps its rows in the files' order (count_determinations.ts, orderedBy), and DuckDB keeps a
 * table's order in a COPY while preserve_insertion_order is on, so no sort comes first.
 *
 * A table of fewer row groups than threads (1M lines: one) is scanned by one thread a copy anyway, so side by side
 * the copies take the longer one's time (0.6 s), not both (0.9 s); the CSV scans finer there (fine-scans.ts): 0.25 s
 * against 0.50 at 1M lines. A larger table is copied with DuckDB on one thread (`withThreads`): each copy then runs
 * on its own connection's thread, in order, where on two threads each gathered its batches back into order and the
 * four threads crowded two cores. At 5M lines the two copies took 1.5–1.7 s and 2.6–3.1 CPU-s against 2.2–3.4 s and
 * 3.9–6.5 CPU-s, three alternating pairs over the same tables; the CSV byte-identical, the Parquet the same rows in
 * the same order and row groups.
 */
export async function writeDeterminations(db: Db, csvPath: string, parquetPath: string): Promise<void> {
  const stored = `select ${DETERMINATIONS_COLUMNS} from count_determinations`
  const small = await underThreads(db, 'count_decisions')
  const copyBoth = () =>
    withInsertionOrder(db, async () => {
      const other = await db.connect()
      const copies = await Promise.allSettled([
        small ? withFineScans(db, () => copyCsv(db, stored, csvPath)) : copyCsv(db, stored, csvPath),
        copyParquet(other, stored, parquetPath),
      ]).finally(() => other.close())
      for (const c of copies) if (c.status === 'rejected') throw c.reason
    })
  await (small ? copyBoth() : withThreads(db, 1, copyBoth))
}

export const REJECTS_SELECT = `select file, line, reason, raw_text from ingest_rejects order by file, line nulls last, reason`
