/** Releasing the retained memory re-sets the memory limit as given: nothing else may change. */
import { describe, expect, it } from 'vitest'
import { memoryLimitOf, openDb } from '../../../pipelines/lib/duckdb.ts'
import { releaseRetainedMemory, releaseRetainedMemoryAtLimit } from '../../../pipelines/run/release-memory.ts'

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

describe('releaseRetainedMemoryAtLimit', () => {
  // DuckDB shows the limit rounded (1.5GB as "1.3 GiB"): setting that back would lower it, so the limit as given is kept.
  it('re-sets the limit the instance was given, or the one set since, on every connection', async () => {
    const db = await openDb(':memory:', { memoryLimit: '1500MB', threads: 1 })
    const other = await db.connect()
    try {
      const shown = () => other.scalar<string>(`select current_setting('memory_limit')`)
      const before = await shown()
      await releaseRetainedMemoryAtLimit(db)
      expect(await shown()).toBe(before)
      expect(memoryLimitOf(other)).toBe('1500MB')
      await releaseRetainedMemory(db, '1GB')
      await releaseRetainedMemoryAtLimit(other)
      expect(memoryLimitOf(db)).toBe('1GB')
      expect(await shown()).not.toBe(before)
    } finally {
      other.close()
      db.close()
    }
  })

  it("does nothing on an instance left at DuckDB's own default", async () => {
    const db = await openDb(':memory:', { threads: 1 })
    try {
      const before = await db.scalar<string>(`select current_setting('memory_limit')`)
      await releaseRetainedMemoryAtLimit(db)
      expect(memoryLimitOf(db)).toBeUndefined()
      expect(await db.scalar<string>(`select current_setting('memory_limit')`)).toBe(before)
    } finally {
      db.close()
    }
  })
})
