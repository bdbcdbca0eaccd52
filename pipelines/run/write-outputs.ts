/** Writes a run's files with DuckDB COPY (no JavaScript row loops), in a stable order so reruns are byte-identical. */
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import {
  COUNT_DETERMINATIONS_COLUMNS,
  COUNT_DETERMINATIONS_ORDER,
} from '../../data-contracts/outputs/count-determinations.contract.ts'

export async function copyCsv(db: Db, select: string, path: string): Promise<void> {
  await db.run(`copy (${select}) to ${lit(path)} (format csv, header true, delimiter ',')`)
}

export async function copyParquet(db: Db, select: string, path: string): Promise<void> {
  await db.run(`copy (${select}) to ${lit(path)} (format parquet, compression zstd)`)
}

/** count_determinations.csv / .parquet: the contract's columns, in its order. */
export const DETERMINATIONS_SELECT = `select ${COUNT_DETERMINATIONS_COLUMNS.map((c) => `"${c}"`).join(', ')}
from count_determinations order by ${COUNT_DETERMINATIONS_ORDER.join(', ')}`
export const REJECTS_SELECT = `select file, line, reason, raw_text from ingest_rejects order by file, line nulls last, reason`
