/**
 * Runs work with DuckDB's preserve_insertion_order on, then restores the connection's setting. The run opens
 * the database with it off (faster loads); outputs whose row order is part of the contract (input rows in
 * file order, COPY … ORDER BY into one file) need it on.
 */
import type { Db } from '../lib/duckdb.ts'

export async function withInsertionOrder<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = await db.scalar<boolean>(`select current_setting('preserve_insertion_order')`)
  await db.run(`set preserve_insertion_order = true`)
  try {
    return await work()
  } finally {
    await db.run(`set preserve_insertion_order = ${before ? 'true' : 'false'}`)
  }
}
