/**
 * A file written with COPY (select … order by …) is in that order, however many rows and threads. copyCsv wraps
 * the SELECT in the spreadsheet-safety projection; when that projection tested the first character with
 * IN (six constants), DuckDB made the IN a join, and the join gave the ordered rows back in the order its threads
 * finished: count_determinations.csv at 2M rows broke its order every few thousand rows, and two runs could write
 * different bytes. Small files (one thread) never showed it, so the table here has 300,000 rows on 4 threads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { copyCsv, copyMachineCsv, copyParquet } from '../../../pipelines/run/write-outputs.ts'
import { buildModels } from '../../../pipelines/run/build-models.ts'
import { withInsertionOrder } from '../../../pipelines/export/insertion-order.ts'
import type { Model, ModelContext } from '../../../sql/model.ts'

const ROWS = 300_000
let db: Db
let dir = ''
beforeAll(async () => {
  db = await openDb(':memory:', { threads: 4 })
  dir = mkdtempSync(join(tmpdir(), 'relief-copy-order-'))
  // Keys in a scrambled order, in several row groups, so the sort has work for every thread.
  await db.run(
    `create table t as select (range * 7919) % ${ROWS} as k, 'row ' || range as v from range(${ROWS})`,
  )
})
afterAll(() => db.close())

const SELECT = `select k, v from t order by k`
const keysOf = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[0]))
const sorted = (ks: number[]) => ks.every((k, i) => i === 0 || ks[i - 1]! <= k)

describe('COPY … ORDER BY writes its rows in order', () => {
  it('copyCsv and copyMachineCsv', async () => {
    for (const [name, copy] of [
      ['safe.csv', copyCsv],
      ['machine.csv', copyMachineCsv],
    ] as const) {
      const path = join(dir, name)
      await copy(db, SELECT, path)
      const ks = keysOf(readFileSync(path, 'utf8'))
      expect(ks).toHaveLength(ROWS)
      expect(sorted(ks)).toBe(true)
    }
  })

  it('copyParquet', async () => {
    const path = join(dir, 'p.parquet')
    await copyParquet(db, SELECT, path)
    const ks = (
      await db.rows<{ k: string }>(
        `select k::varchar as k from read_parquet('${path}', file_row_number = true) order by file_row_number`,
      )
    ).map((r) => Number(r.k))
    expect(ks).toHaveLength(ROWS)
    expect(sorted(ks)).toBe(true)
  })

  it('a model stored in order (orderedBy) is copied in that order with no ORDER BY of its own', async () => {
    // count_determinations is built this way, and count_determinations.csv / .parquet copied from it as stored.
    const stored: Model = {
      name: 'stored_in_order',
      layer: 'mart',
      materialized: 'table',
      grain: 'one row per k',
      orderedBy: ['k'],
      sql: () => 'select k, v from t',
    }
    const ctx = { rawSource: '', asOf: '2020-01-01', county: null, policyName: 'statute', referenceDir: '' }
    await buildModels(db, ctx satisfies ModelContext, [stored], undefined, [stored])
    expect(await db.scalar(`select current_setting('preserve_insertion_order')`)).toBe(false)
    const path = join(dir, 'stored.csv')
    await withInsertionOrder(db, () => copyCsv(db, 'select k, v from stored_in_order', path))
    const ks = keysOf(readFileSync(path, 'utf8'))
    expect(ks).toHaveLength(ROWS)
    expect(sorted(ks)).toBe(true)
  })

  it('leaves the connection as it found it', async () => {
    expect(await db.scalar(`select current_setting('preserve_insertion_order')`)).toBe(false)
  })
})
