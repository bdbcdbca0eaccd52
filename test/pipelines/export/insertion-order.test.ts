import { afterEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { withInsertionOrder } from '../../../pipelines/export/insertion-order.ts'

const setting = (db: Db) => db.scalar<boolean>(`select current_setting('preserve_insertion_order')`)

describe('withInsertionOrder', () => {
  let db: Db | undefined
  afterEach(() => db?.close())

  it('keeps the setting on while any of two side-by-side holders works, and restores it after the last', async () => {
    db = await openDb(':memory:') // opened with preserve_insertion_order off
    const other = await db.connect()
    const seen: boolean[] = []
    let releaseFirst!: () => void
    const released = new Promise<void>((r) => (releaseFirst = r))
    let firstIn!: () => void
    const firstStarted = new Promise<void>((r) => (firstIn = r))
    const first = withInsertionOrder(db, async () => {
      seen.push(await setting(db!))
      firstIn()
      await released
      // The second holder has finished by now: the setting must still be on for this one.
      seen.push(await setting(db!))
    })
    await firstStarted
    await withInsertionOrder(other, async () => {
      seen.push(await setting(other))
    })
    releaseFirst()
    await first
    expect(seen).toEqual([true, true, true])
    expect(await setting(db)).toBe(false)
    other.close()
  })

  it('restores the setting when the work fails, and lets the error through', async () => {
    db = await openDb(':memory:')
    await expect(
      withInsertionOrder(db, async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await setting(db)).toBe(false)
    await db.run('set preserve_insertion_order = true')
    await withInsertionOrder(db, async () => {})
    expect(await setting(db)).toBe(true)
  })
})
