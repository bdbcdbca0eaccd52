import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { buildSummary } from '../../../pipelines/outputs/summary.ts'
import { MIN_CELL } from '../../../reports/suppression/min-cell.ts'
import { AS_OF, fixtureRows, writeFixture } from '../export/relief-fixture.ts'

let out = ''
let db: Db
let manifest: Manifest

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-summary-'))
  out = join(dir, 'run')
  await runPipeline({ inputs: [writeFixture(dir)], out, asOf: AS_OF, quiet: true })
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
  db = await openDb(join(out, 'relief.duckdb'))
})
afterAll(() => db?.close())

describe('press summary numbers (hand-computed from relief-fixture.ts, no suppression)', () => {
  it('counts convictions by determination and by relief, statewide and per county', async () => {
    const s = await buildSummary(db, manifest, 1)
    expect(s.statewide.convictions).toEqual({
      total: 9,
      by_determination: { dismiss: 3, reduce: 4, review: 1, not_eligible: 1 },
      by_relief: {
        dismiss_and_seal: 3,
        redesignate: 3,
        recall_and_resentence: 1,
        review: 1,
        not_eligible: 1,
      },
    })
    const sj = s.counties.find((c) => c.county === 'SAN JOAQUIN')!
    expect(sj.convictions).toEqual({
      total: 6,
      by_determination: { dismiss: 2, reduce: 4, review: 0, not_eligible: 0 },
      by_relief: {
        dismiss_and_seal: 2,
        redesignate: 3,
        recall_and_resentence: 1,
        review: 0,
        not_eligible: 0,
      },
    })
    const yolo = s.counties.find((c) => c.county === 'YOLO')!
    expect(yolo.convictions.total).toBe(3)
    expect(yolo.convictions.by_relief).toEqual({
      dismiss_and_seal: 1,
      redesignate: 0,
      recall_and_resentence: 0,
      review: 1,
      not_eligible: 1,
    })
    expect(s.counties.map((c) => c.county)).toEqual(['SAN JOAQUIN', 'YOLO'])
  })

  it('counts people by SUBJECT_ID after relief', async () => {
    const s = await buildSummary(db, manifest, 1)
    // affected: 1,2,3,4,7. no felony left: 2,3,7 (4 keeps PC 459; 1 never had one). no conviction left: 1.
    // no conviction since 2019-01-01: 1,2,3,7 (4 was convicted in 2022).
    expect(s.statewide.people).toEqual({
      with_in_scope_convictions: 7,
      affected: 5,
      left_with_no_felony: 3,
      left_with_no_conviction: 1,
      no_conviction_in_last_7_years: 4,
    })
    expect(s.counties.find((c) => c.county === 'SAN JOAQUIN')!.people).toEqual({
      with_in_scope_convictions: 5,
      affected: 5,
      left_with_no_felony: 3,
      left_with_no_conviction: 1,
      no_conviction_in_last_7_years: 4,
    })
    // 100007 is counted in both counties (relief in each), once statewide.
    expect(s.counties.find((c) => c.county === 'YOLO')!.people).toEqual({
      with_in_scope_convictions: 3,
      affected: 1,
      left_with_no_felony: 1,
      left_with_no_conviction: 0,
      no_conviction_in_last_7_years: 1,
    })
  })

  it('carries the run id and as-of date', async () => {
    const s = await buildSummary(db, manifest, 1)
    expect(s.run_id).toBe(manifest.run_id)
    expect(s.as_of).toBe(AS_OF)
    expect(s.suppression.withheld_cells).toBe(0)
  })
})

describe('public/summary files', () => {
  it('withhold every non-zero cell under the threshold and keep zeros', async () => {
    const s = JSON.parse(readFileSync(join(out, 'public', 'summary.json'), 'utf8'))
    expect(s.suppression.min_cell).toBe(MIN_CELL)
    expect(s.run_id).toBe(manifest.run_id)
    // Fewer than 11 people everywhere in this fixture: every non-zero number is withheld.
    expect(s.statewide.people.affected).toBeNull()
    expect(s.statewide.convictions.total).toBeNull()
    expect(s.counties[0].convictions.by_determination.review).toBe(0)
    expect(s.counties[1].people.left_with_no_conviction).toBe(0)
    const numbers = JSON.stringify([s.statewide, s.counties]).match(/:\s*[1-9][0-9]*/g)
    expect(numbers).toBeNull()
  })

  it('hold no name, date of birth, CII number or SUBJECT_ID', () => {
    const text =
      readFileSync(join(out, 'public', 'summary.json'), 'utf8') +
      readFileSync(join(out, 'public', 'summary.md'), 'utf8')
    for (const r of fixtureRows()) {
      for (const v of [r.PRI_NAME, r.CII_NUMBER, r.PRI_DOB, r.SUBJECT_ID, r.FE_NUM_CRT_CASE].filter(Boolean))
        expect(text).not.toContain(v)
    }
    expect(text).toContain(manifest.run_id)
  })
})
