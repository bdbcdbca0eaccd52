/**
 * Runs work with DuckDB's preserve_insertion_order on, then restores the setting. The run opens the database
 * with it off (faster loads); outputs whose row order is part of the contract (input rows in file order,
 * COPY … ORDER BY into one file) need it on. The setting is GLOBAL (one per database instance) and output steps
 * run side by side on connections of one instance, so it is counted: the first step in turns it on, the last
 * one out restores it, and no step turns it off under another.
 */
import type { Db } from '../lib/duckdb.ts'

interface Holders {
  n: number
  /** The setting as it was before the first holder turned it on. */
  on: Promise<boolean>
  /** The last restore: a new first holder reads the setting only after it. */
  off: Promise<void>
}
const holders = new WeakMap<object, Holders>()

export async function withInsertionOrder<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const held = holders.get(db.instance) ?? { n: 0, on: Promise.resolve(false), off: Promise.resolve() }
  holders.set(db.instance, held)
  if (held.n++ === 0)
    held.on = held.off.then(async () => {
      const before = await db.scalar<boolean>(`select current_setting('preserve_insertion_order')`)
      await db.run(`set preserve_insertion_order = true`)
      return before
    })
  try {
    await held.on
    return await work()
  } finally {
    if (--held.n === 0) {
      held.off = held.on.then(
        (before) => db.run(`set preserve_insertion_order = ${before}`),
        () => undefined, // never turned on: nothing to restore
      )
      await held.off
    }
  }
}
