import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'
import { generateCourtIndex, truthPath } from '../../../pipelines/generate/court-index.ts'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { outPaths } from '../../../pipelines/lib/paths.ts'

describe('generateCourtIndex', () => {
  it('draws the same bytes from a run connection (the demo), a run database file, and the models built anew', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-court-gen-'))
    const doj = join(dir, 'doj.csv')
    await generateExtract({ subjects: 900, seed: 5, out: doj })
    const run = await runPipeline({
      inputs: [doj],
      out: join(dir, 'run'),
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    const runDb = outPaths(run.out).db
    const fresh = await generateCourtIndex({ doj, out: join(dir, 'fresh.csv'), seed: 5 })
    const attached = await generateCourtIndex({ doj, out: join(dir, 'attached.csv'), seed: 5, runDb })
    const db = await openDb(runDb, { threads: 2 })
    try {
      const viaCon = await generateCourtIndex({ doj, out: join(dir, 'con.csv'), seed: 5, runCon: db })
      expect(viaCon.rows).toBeGreaterThan(100)
      for (const g of [attached, viaCon]) {
        expect(readFileSync(g.out, 'utf8')).toBe(readFileSync(fresh.out, 'utf8'))
        expect(readFileSync(truthPath(g.out), 'utf8')).toBe(readFileSync(fresh.truth, 'utf8'))
      }
      // The connection is left as it was found: no working table stays behind.
      const left = await db.rows(
        `select table_name from duckdb_tables() where table_name like 'g\\_%' escape '\\'`,
      )
      expect(left).toEqual([])
    } finally {
      db.close()
    }
  }, 120_000)
})
