import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  MotionRenderPool,
  motionRenderPool,
  motionWorkerModule,
  PARALLEL_MIN_CASES,
} from '../../../pipelines/outputs/motion-render-pool.ts'
import {
  MOTION_COLUMNS,
  motionCase,
  motionCases,
  writeCourt,
  type CourtJob,
} from '../../../pipelines/outputs/motion-court.ts'
import { RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import type { MotionCase } from '../../../reports/motions/motion-case.ts'

const dir = mkdtempSync(join(tmpdir(), 'relief-pool-'))

/** The run's distinct reasons; a row gives its reason by index. */
const REASONS = [
  'Not eligible: a second reason.',
  'Redesignate as a misdemeanor: test (with "quotes") and \\ backslash \u2013 dash.',
]

/** A row as the motions step reads it: DuckDB's to_json of the values cast to VARCHAR, the reason by index. */
const asJson = (c: MotionCase) =>
  JSON.stringify(
    MOTION_COLUMNS.map((k) =>
      k === 'reason' ? String(REASONS.indexOf(c.reason)) : c[k] === null ? null : String(c[k]),
    ),
  )

/** Courts of different sizes, so workers finish out of order. */
function court(n: number, k: number, where: string): CourtJob {
  const cases: MotionCase[] = Array.from({ length: n }, (_, i) => ({
    county: 'YOLO',
    court: `CASC COURT ${k}`,
    remedy: 'redesignate',
    determination: 'reduce',
    reduced_level: i % 2 ? 'misdemeanor' : 'infraction',
    layer: 'statute',
    is_related: i % 3 === 0,
    case_number: i % 5 ? `C${k}-${i}` : null,
    subject_id: String(1000 * k + i),
    name: `PERSON${i},ÉVA`,
    aka: '',
    dob: '1980-02-02',
    cii_number: `A${i}`,
    conviction_date: '2004-05-06',
    code_sections: 'HS 11359',
    counts: 1 + (i % 2),
    count_orders: '001001001000',
    rule_ids: 'P64-FEL-REDUCE',
    reason: REASONS[i % 3 === 1 ? 0 : 1]!,
  }))
  return {
    county: 'YOLO',
    court: `CASC COURT ${k}`,
    base: join(dir, `${where}-${k}`),
    runId: 'run000000001',
    source: 'doj_extract',
    asOf: '2026-01-01',
    policy: 'statute',
    toolVersion: 'test',
    sections: RELIEF_SECTIONS,
    rows: cases.map(asJson).join(','),
    reasons: REASONS,
  }
}

const pools: MotionRenderPool[] = []
afterAll(async () => Promise.all(pools.map((p) => p.close())))

describe('motion render pool', () => {
  it('reads a JSON row back as the case it came from', () => {
    const job = court(4, 1, 'json')
    const rows = (JSON.parse(`[${job.rows}]`) as unknown[]).map((r) => JSON.stringify(r))
    const c = motionCase(rows[0]!, REASONS)
    expect(c.is_related).toBe(true)
    expect(c.counts).toBe(1)
    expect(c.case_number).toBeNull()
    expect(c.reason).toBe(REASONS[1])
    expect(motionCase(rows[1]!, REASONS)).toMatchObject({
      is_related: false,
      counts: 2,
      case_number: 'C1-1',
      reason: REASONS[0],
    })
    expect(rows.map((r) => asJson(motionCase(r, REASONS)))).toEqual(rows)
    // A court's string of rows reads back as its rows, in order; an empty court as none.
    expect(motionCases(job.rows, REASONS)).toEqual(rows.map((r) => motionCase(r, REASONS)))
    expect(motionCases('', REASONS)).toEqual([])
    // A reason number the list does not have is an error, not an empty reason.
    expect(() => motionCase(rows[0]!.replace(/"1"\]$/, '"7"]'), REASONS)).toThrow(/no reason 7/)
  })

  it('writes on worker threads the same files as the main thread, each court its own', async () => {
    const sizes = [900, 20, 400, 5, 60]
    const pool = new MotionRenderPool(2)
    pools.push(pool)
    const got = await Promise.all(sizes.map((n, k) => pool.render(court(n, k, 'worker'))))
    sizes.forEach((n, k) => {
      const here = writeCourt(court(n, k, 'main'))
      expect(got[k]).toEqual(here)
      for (const ext of ['pdf', 'csv'])
        expect(
          readFileSync(join(dir, `worker-${k}.${ext}`)).equals(readFileSync(join(dir, `main-${k}.${ext}`))),
        ).toBe(true)
    })
    expect(got[0]!.cases).toBe('A=0 B=600 C=0 D=300 E=0 F=0') // related charges go to D
    expect(got[0]!.people).toBe(900)
    // Rendering twice gives the same bytes (no clock, no random id).
    const first = readFileSync(join(dir, 'worker-2.pdf'))
    await pool.render(court(400, 2, 'worker'))
    expect(readFileSync(join(dir, 'worker-2.pdf')).equals(first)).toBe(true)
  })

  it('starts a worker from one bundled module, kept as a file, that needs no package and no TypeScript loader', async () => {
    const url = motionWorkerModule()
    expect(url.protocol).toBe('file:') // a stack trace names the file
    expect(motionWorkerModule()).toBe(url) // built once per process
    const code = readFileSync(url, 'utf8')
    // Every import of the bundle is one of Node's own modules.
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!)
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.every((p) => p.startsWith('node:'))).toBe(true)
    const w = new Worker(url)
    try {
      const reply = await new Promise<{ id: number; result: unknown }>((resolve, reject) => {
        w.once('message', resolve)
        w.once('error', reject)
        w.postMessage({ id: 7, job: { kind: 'court', court: court(12, 6, 'bundle') } })
      })
      expect(reply.id).toBe(7)
      expect(reply.result).toEqual(writeCourt(court(12, 6, 'bundle-main')))
      expect(
        readFileSync(join(dir, 'bundle-6.pdf')).equals(readFileSync(join(dir, 'bundle-main-6.pdf'))),
      ).toBe(true)
    } finally {
      await w.terminate()
    }
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
    const bad = { ...court(1, 9, 'bad'), rows: 'not json' }
    await expect(pool.render(bad)).rejects.toThrow(/motion render failed \(CASC COURT 9\)/)
    // Cover, then Schedules B and D (one related charge).
    expect((await pool.render(court(3, 8, 'ok'))).pages).toBe(4)
  })
})
