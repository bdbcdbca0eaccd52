import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { generateExtract } from '../../../pipelines/generate/generate-extract.ts'
import { generateCourtIndex } from '../../../pipelines/generate/court-index.ts'
import { reconcileRun } from '../../../pipelines/reconcile/reconcile-run.ts'

type Row = Record<string, string>
const readCsv = (p: string): Row[] => parse(readFileSync(p), { columns: true }) as Row[]
const sorted = (xs: string[]) => [...xs].sort()

describe('generated court index: reconciliation finds exactly the planted differences', () => {
  it('court-only, DOJ-only and disagreeing pairs equal the truth file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-court-truth-'))
    const doj = join(dir, 'doj.csv')
    await generateExtract({ subjects: 1500, seed: 11, out: doj })
    const g = await generateCourtIndex({ doj, out: join(dir, 'court.csv'), seed: 11 })
    const out = join(dir, 'run')
    await reconcileRun({
      inputs: [doj],
      courtIndex: [g.out],
      out,
      asOf: '2026-01-01',
      quiet: true,
      determinationsOnly: true,
    })
    const truth = readCsv(g.truth)
    const rec = join(out, 'restricted', 'reconcile')
    const of = (kind: string) => truth.filter((t) => t.kind === kind)
    // Every kind of planted difference is present, so the comparison below tests something.
    for (const k of ['court_only', 'doj_only', 'mismatch']) expect(of(k).length).toBeGreaterThan(5)
    expect(
      sorted(
        readCsv(join(rec, 'court_only.csv')).map(
          (c) => `${c.county}|${c.court_case_number}|${c.code_section}`,
        ),
      ),
    ).toEqual(sorted(of('court_only').map((t) => `${t.county}|${t.court_case_number}|${t.code_section}`)))
    expect(sorted(readCsv(join(rec, 'doj_only.csv')).map((d) => `${d.subject_id}|${d.cnt_order}`))).toEqual(
      sorted(of('doj_only').map((t) => `${t.subject_id}|${t.cnt_order}`)),
    )
    expect(
      sorted(
        readCsv(join(rec, 'mismatches.csv')).map((m) => `${m.subject_id}|${m.cnt_order}|${m.disagrees_on}`),
      ),
    ).toEqual(sorted(of('mismatch').map((t) => `${t.subject_id}|${t.cnt_order}|${t.field}`)))
  }, 180_000)
})
