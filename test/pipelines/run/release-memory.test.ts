/** Releasing the retained memory re-sets the memory limit as given: nothing else may change. */
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { releaseRetainedMemory } from '../../../pipelines/run/release-memory.ts'

describe('releaseRetainedMemory', () => {
  it('leaves the memory limit and the data as they were', async () => {
    const db = await openDb(':memory:', { memoryLimit: '1.5GB', threads: 1 })
    try {
      await db.run(`create temp table t as select range as i from range(300000)`)
      const before = await db.scalar<string>(`select current_setting('memory_limit')`)
      await releaseRetainedMemory(db, '1.5GB')
      expect(await db.scalar<string>(`select current_setting('memory_limit')`)).toBe(before)
      expect(Number(await db.scalar(`select sum(i) from t`))).toBe((300000 * 299999) / 2)
    } finally {
      db.close()
    }
  })

  it('refuses a limit DuckDB cannot read, rather than keeping a silent default', async () => {
    const db = await openDb(':memory:', { memoryLimit: '1.5GB', threads: 1 })
    try {
      await expect(releaseRetainedMemory(db, 'lots')).rejects.toThrow()
    } finally {
      db.close()
    }
  })
})
