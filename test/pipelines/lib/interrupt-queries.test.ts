/**
 * interruptQueries stops the queries running on one database's connections, so that an interrupted run exits at
 * once: a process that exits while a query runs waits for that query (DuckDB joins its threads as it unloads).
 * Another database's queries run on.
 */
import { describe, expect, it } from 'vitest'
import { interruptQueries, openDb } from '../../../pipelines/lib/duckdb.ts'

/** A query of a minute or more on two threads. */
const LONG = 'select sum(i) from range(50000000000) t(i) where i % 7 = 3'

describe('interruptQueries', () => {
  it("stops the running queries of the database's connections, and only those", async () => {
    const db = await openDb(':memory:', { threads: 2 })
    const other = await openDb(':memory:', { threads: 1 })
    const second = await db.connect()
    try {
      const started = performance.now()
      // Each query's outcome, caught as it settles (both settle at once, before either is awaited).
      const outcome = (p: Promise<void>) =>
        p.then(
          () => 'finished',
          (e: unknown) => String(e),
        )
      const first = outcome(db.run(LONG))
      const beside = outcome(second.run(LONG))
      const elsewhere = other.scalar<bigint>('select sum(i) from range(30000000) t(i)')
      await new Promise((r) => setTimeout(r, 300))
      interruptQueries(db)
      expect(await first).toMatch(/interrupt/i)
      expect(await beside).toMatch(/interrupt/i)
      expect((performance.now() - started) / 1000).toBeLessThan(20)
      // The other database's query ran to its end.
      expect(await elsewhere).toBe(449999985000000n)
      // The connections still work.
      expect(await db.scalar<number>('select 42')).toBe(42)
    } finally {
      second.close()
      db.close()
      other.close()
    }
  }, 60_000)
})
