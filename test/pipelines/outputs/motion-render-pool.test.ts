import { afterAll, describe, expect, it } from 'vitest'
import {
  MotionRenderPool,
  motionRenderPool,
  PARALLEL_MIN_CASES,
} from '../../../pipelines/outputs/motion-render-pool.ts'
import { renderMotionPdf, type MotionDocument } from '../../../reports/motions/motion-pdf.ts'
import { RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import type { MotionCase } from '../../../reports/motions/motion-case.ts'

/** Courts of different sizes, so workers finish out of order. */
function court(n: number, k: number): MotionDocument {
  const cases: MotionCase[] = Array.from({ length: n }, (_, i) => ({
    county: 'YOLO',
    court: `CASC COURT ${k}`,
    remedy: 'redesignate',
    determination: 'reduce',
    reduced_level: i % 2 ? 'misdemeanor' : 'infraction',
    layer: 'statute',
    is_related: false,
    case_number: `C${k}-${i}`,
    subject_id: String(1000 * k + i),
    name: `PERSON${i},ÉVA`,
    aka: '',
    dob: '1980-02-02',
    cii_number: `A${i}`,
    conviction_date: '2004-05-06',
    code_sections: 'HS 11359',
    counts: 1,
    count_orders: '001001001000',
    rule_ids: 'P64-FEL-REDUCE',
    reason: 'Redesignate as a misdemeanor: test (with "quotes") and \\ backslash.',
  }))
  return {
    county: 'YOLO',
    court: `CASC COURT ${k}`,
    runId: 'run000000001',
    asOf: '2026-01-01',
    policy: 'statute',
    toolVersion: 'test',
    schedules: RELIEF_SECTIONS.map((s) => ({ section: s, cases: s.key === 'redesignate' ? cases : [] })),
  }
}

const pools: MotionRenderPool[] = []
afterAll(async () => Promise.all(pools.map((p) => p.close())))

describe('motion render pool', () => {
  it('renders on worker threads the same bytes as the main thread, each court its own', async () => {
    const docs = [900, 20, 400, 5, 60].map((n, k) => court(n, k))
    const pool = new MotionRenderPool(2)
    pools.push(pool)
    const got = await Promise.all(docs.map((d) => pool.render(d)))
    docs.forEach((d, i) => {
      const here = renderMotionPdf(d)
      expect(got[i]!.pages).toBe(here.pages)
      expect(Buffer.from(got[i]!.bytes).equals(Buffer.from(here.bytes))).toBe(true)
    })
    // Rendering twice gives the same bytes (no clock, no random id).
    expect(Buffer.from((await pool.render(docs[2]!)).bytes).equals(Buffer.from(got[2]!.bytes))).toBe(true)
  })

  it('stays on the main thread for a small run', async () => {
    expect(motionRenderPool(PARALLEL_MIN_CASES - 1, 4).threads).toBe(1)
    const pool = motionRenderPool(PARALLEL_MIN_CASES, 2)
    pools.push(pool)
    expect(pool.threads).toBe(2)
  })

  it('rejects a court that fails to render, and keeps serving the others', async () => {
    const pool = new MotionRenderPool(2)
    pools.push(pool)
    const bad = { ...court(1, 9), schedules: null } as unknown as MotionDocument
    await expect(pool.render(bad)).rejects.toThrow(/motion render failed \(CASC COURT 9\)/)
    expect((await pool.render(court(3, 8))).pages).toBe(3)
  })
})
