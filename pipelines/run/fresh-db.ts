/**
 * What `relief run` and `relief compare` share before their models: an empty database file with the run's
 * resource limits (a run rebuilds from the files, so reruns are identical), and the one-line error a user
 * sees when DuckDB cannot read an input as the DOJ format.
 */
import { DEFAULT_MEMORY_LIMIT } from './resource-options.ts'
import { rmSync } from 'node:fs'
import { openDb, type Db } from '../lib/duckdb.ts'
import { UserError } from '../lib/user-error.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { STORE } from './persist-work.ts'

/**
 * The storage format of the run's file: DuckDB 1.3's, readable by DuckDB 1.3 and later. Its string compression
 * (dictionary with FSST) made the file's write about a third cheaper than the default, 1.0-compatible format, at
 * the same size: 1.0 against 1.7 CPU-s for a 1M-line run's tables, 16 MB either way (docs/scale.md, "Session 25").
 */
export const STORAGE_VERSION = 'v1.3.0'

export async function openFreshDb(
  dbPath: string,
  opts: { threads?: number; memoryLimit?: string; inMemory?: boolean },
): Promise<Db> {
  for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true })
  if (opts.inMemory) {
    // The run works in memory, and the file is attached to be written beside the outputs (persist-work.ts).
    const db = await openDb(':memory:', {
      threads: opts.threads,
      memoryLimit: opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      tempDirectory: `${dbPath}.tmp`,
    })
    await db.run(`attach ${lit(dbPath)} as ${STORE} (storage_version ${lit(STORAGE_VERSION)})`)
    await db.run(`set checkpoint_threshold = '1TB'`)
    return db
  }
  const db = await openDb(dbPath, {
    threads: opts.threads,
    memoryLimit: opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    tempDirectory: `${dbPath}.tmp`,
    storageVersion: STORAGE_VERSION,
  })
  // One checkpoint, when the run closes the file: by default DuckDB checkpoints each time 16 MB of log
  // accumulates, rewriting the tables built so far while the models wait (about 1.5 s of a demo run).
  await db.run(`set checkpoint_threshold = '1TB'`)
  return db
}

/** A CSV reader failure while ingesting becomes a UserError; anything else is rethrown as it is. */
export function asIngestError(e: unknown): unknown {
  const msg = (e as Error).message ?? ''
  return /CSV|read_csv|Invalid Input Error/i.test(msg)
    ? new UserError(`input not readable as the DOJ format: ${msg.split('\n')[0]}`)
    : e
}
