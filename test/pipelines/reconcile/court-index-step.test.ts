import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'
import { generateCourtIndex } from '../../../pipelines/generate/court-index.ts'
import { reconcileRun, runWithCourtIndex } from '../../../pipelines/reconcile/reconcile-run.ts'
import { RECONCILE_FILES } from '../../../pipelines/reconcile/reconcile-files.ts'

describe('the court index step inside a run (as the demo runs it)', () => {
  it('drawn from the open run, it reconciles exactly as `relief reconcile` does on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-court-step-'))
    const doj = join(dir, 'doj.csv')
    const court = join(dir, 'court.csv')
    await generateExtract({ subjects: 700, seed: 9, out: doj })
    const calls: boolean[] = []
    const inRun = await runWithCourtIndex(
      { inputs: [doj], out: join(dir, 'a'), asOf: '2026-01-01', quiet: true },
      {
        generate: async (db) => {
          // Started once the intermediate models exist: they are there, whatever the determinations are doing.
          calls.push(Number(await db.scalar(`select count(*) from int_convictions`)) > 0)
          await generateCourtIndex({ doj, out: court, seed: 9, runCon: db })
          return [court]
        },
      },
    )
    expect(calls).toEqual([true])
    const separate = await reconcileRun({
      inputs: [doj],
      courtIndex: [court],
      out: join(dir, 'b'),
      asOf: '2026-01-01',
      quiet: true,
    })
    expect(inRun.court.counts.court_only).toBeGreaterThan(0)
    expect(inRun.court).toEqual(separate.court)
    for (const f of Object.keys(RECONCILE_FILES))
      expect(readFileSync(join(inRun.out, 'restricted', 'reconcile', f), 'utf8')).toBe(
        readFileSync(join(separate.out, 'restricted', 'reconcile', f), 'utf8'),
      )
    // The report was drawn after the court models, with its court-only section.
    expect(inRun.manifest.outputs).toContain('public/report/index.html')
    expect(readFileSync(join(inRun.out, 'public', 'report', 'index.html'), 'utf8')).toBe(
      readFileSync(join(separate.out, 'public', 'report', 'index.html'), 'utf8'),
    )
  }, 240_000)
})
