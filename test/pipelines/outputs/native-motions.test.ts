/**
 * The native motion drawer (pipelines/outputs/native/motion-draw.c) writes the same bytes as the JavaScript
 * renderers: every court's CSV and PDF, and the index, from the same mart of motion cases. Hand-made rows reach
 * each path of its layout (wrapping, words wider than a cell, cells cut at six lines, continued pages, the
 * schedules, NULLs, quoting, formula starts); a property draws random sets. A text past ASCII leaves its court to
 * JavaScript, and a control character the drawer's input cannot carry leaves it the whole set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { writeMotions, type MotionsDrawn } from '../../../pipelines/outputs/write-motions.ts'
import { motionDrawer } from '../../../pipelines/outputs/native-motions.ts'
import type { OutputContext } from '../../../pipelines/outputs/output-step.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import type { MotionCase } from '../../../reports/motions/motion-case.ts'

type Case = MotionCase

let db: Db
beforeAll(async () => {
  db = await openDb(':memory:', { threads: 1 })
})
afterAll(() => db.close())

const v = (x: string | null) => (x === null ? 'null::varchar' : lit(x))

/** The cases as a table with the mart's columns, motion_order by county, court and the order given. */
async function mart(cases: readonly Case[]): Promise<string> {
  await db.run(
    'create or replace table test_motion_cases_in (k int, county varchar, court varchar, remedy varchar, determination varchar, reduced_level varchar, layer varchar, is_related boolean, case_number varchar, subject_id varchar, name varchar, aka varchar, dob varchar, cii_number varchar, conviction_date varchar, code_sections varchar, counts int, count_orders varchar, rule_ids varchar, reason varchar)',
  )
  for (const [k, c] of cases.entries())
    await db.run(
      `insert into test_motion_cases_in values (${k}, ${v(c.county)}, ${v(c.court)}, ${v(c.remedy)}, ${v(c.determination)}, ${v(c.reduced_level)}, ${v(c.layer)}, ${c.is_related}, ${v(c.case_number)}, ${v(c.subject_id)}, ${v(c.name)}, ${v(c.aka)}, ${v(c.dob)}, ${v(c.cii_number)}, ${v(c.conviction_date)}, ${v(c.code_sections)}, ${c.counts}, ${v(c.count_orders)}, ${v(c.rule_ids)}, ${v(c.reason)})`,
    )
  await db.run(`create or replace view test_motion_cases as select * exclude (k),
    row_number() over (order by county nulls last, court nulls last, k)::int as motion_order from test_motion_cases_in`)
  return 'test_motion_cases'
}

const manifest = {
  options: { policy: 'baseline' },
  tool: { version: '0.0.0-test' },
} as unknown as Manifest

/** Every file of a run folder's motions, by path. */
function files(out: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>()
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else all.set(relative(out, p), readFileSync(p))
    }
  }
  walk(out)
  return all
}

/** The set written both ways: the files of each, and how the native run drew its courts. */
async function bothWays(cases: readonly Case[]) {
  const table = await mart(cases)
  const run = async (native: boolean) => {
    const out = mkdtempSync(join(tmpdir(), 'relief-native-motions-'))
    let how: MotionsDrawn | undefined
    const ctx = { db, out, runId: 'abc123def456', asOf: '2026-01-01', manifest } as OutputContext
    const listed = await writeMotions(
      ctx,
      { mart: table, folder: ['motions'], source: 'doj_extract', size: cases.length },
      { native, drawn: (h) => (how = h) },
    )
    return { out, listed, how: how!, files: files(out) }
  }
  return { js: await run(false), native: await run(true) }
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort())
  for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true)
}

const base: Case = {
  county: 'SAN JOAQUIN',
  court: 'CASC STOCKTON',
  remedy: 'dismiss_and_seal',
  determination: 'dismiss',
  reduced_level: null,
  layer: 'statute',
  is_related: false,
  case_number: 'SJ-1001',
  subject_id: '100001',
  name: 'DOE,JOHN',
  aka: '',
  dob: '1970-01-01',
  cii_number: 'A0000001',
  conviction_date: '2010-02-03',
  code_sections: 'HS 11357(B)',
  counts: 1,
  count_orders: '1',
  rule_ids: 'P64-DISMISS',
  reason: 'Dismiss and seal: possession of not more than 28.5 grams (HS 11357(b)).',
}

const LONG_REASON =
  'Needs review: the record does not say whether the sentence was completed; HS 11361.8(e) needs it | Not eligible: a prior conviction for an offense requiring registration under PC 290(c) (HS 11361.8(b)); the person may still petition (HS 11361.8(f)).'

/** Rows that reach every part of the layout. */
const HAND_MADE: Case[] = [
  base,
  { ...base, case_number: null, name: null, dob: null, cii_number: null, conviction_date: null, reason: '' },
  {
    ...base,
    subject_id: '100002',
    name: 'PARKER-SMITH-WILLIAMSON-JOHNSON,ALEXANDRIA MAXIMILIANA',
    aka: 'SMITH,ALEX; "THE KID" (JR); =CMD|CALC; \\BACK\\SLASH',
    remedy: 'redesignate',
    determination: 'reduce',
    reduced_level: 'misdemeanor',
    code_sections: 'HS 11359 x2; HS 11360(A)(2); HS 11358(C) x3',
    conviction_date: '2010-02-03; 2011-04-05',
    counts: 6,
    count_orders: '1; 2; 3; 4; 5; 6',
    rule_ids: 'R1; R2; R3; R4; R5; R6; R7; R8',
    reason: LONG_REASON,
  },
  {
    ...base,
    subject_id: '-100003',
    name: '  DOUBLE  SPACED   NAME ',
    case_number: '+1,2',
    reason: LONG_REASON,
  },
  { ...base, subject_id: '100004', name: 'ANEXTRAORDINARILYLONGWORDWITHOUTANYSPACESATALLTHATMUSTBEBROKEN' },
  {
    ...base,
    subject_id: '100005',
    is_related: true,
    layer: 'policy',
    determination: 'dismiss',
    remedy: 'recall_and_resentence',
  },
  {
    ...base,
    subject_id: '100006',
    layer: 'policy',
    determination: 'reduce',
    remedy: 'redesignate',
    reduced_level: 'infraction',
  },
  {
    ...base,
    subject_id: '100007',
    remedy: 'review',
    determination: 'review',
    reason: 'Needs review: missing disposition date',
  },
  {
    ...base,
    subject_id: '100008',
    remedy: 'not_eligible',
    determination: 'not_eligible',
    reason: 'Not eligible: PC 667(e)(2)(C)(iv) superstrike',
  },
  {
    ...base,
    subject_id: '100009',
    remedy: 'petition_only',
    determination: 'review',
    reason: 'Other remedy from a policy',
  },
  { ...base, county: 'YOLO', court: 'CASC WOODLAND', subject_id: '200001' },
  { ...base, county: null, court: null, subject_id: '300001' },
  { ...base, county: 'YOLO', court: null, subject_id: '200002' },
]

describe('the native motion drawer', () => {
  it('is built on this machine', async () => {
    expect(await motionDrawer()).toHaveProperty('path')
  })

  it('writes every file as the JavaScript renderers do, for rows that reach each part of the layout', async () => {
    // Enough rows that the first schedule runs over several pages ("continued").
    const many = Array.from({ length: 150 }, (_, i) => ({ ...HAND_MADE[i % 5]!, subject_id: `9${i}` }))
    const { js, native } = await bothWays([...HAND_MADE, ...many])
    expect(native.how).toMatchObject({ native: 4, javascript: 0 })
    expect(js.how.native).toBe(0)
    expect(native.listed).toEqual(js.listed)
    expectSameFiles(js.files, native.files)
    // Owner-only, like every restricted file, and no working file of the drawer left behind.
    for (const path of native.files.keys()) {
      expect(path).not.toContain('.native')
      expect(statSync(join(native.out, path)).mode & 0o777).toBe(0o600)
    }
  })

  // pdfSafe turns the dashes and curly quotes into ASCII, which the drawer takes; it keeps Ñ and É (WinAnsi), which
  // the drawer leaves.
  it('leaves a court with a text past ASCII to JavaScript, and draws the others', async () => {
    const { js, native } = await bothWays([
      base,
      { ...base, county: 'YOLO', court: 'CASC WOODLAND', name: 'PEÑA,JOSÉ' },
      {
        ...base,
        county: 'YOLO',
        court: 'CASC DAVIS',
        reason: 'Dismiss and seal: HS 11357–11360 (b), “quoted”',
      },
    ])
    expect(native.how).toEqual({
      native: 2,
      javascript: 1,
      left: ['CASC WOODLAND: a text that is not plain printable ASCII'],
    })
    expectSameFiles(js.files, native.files)
  })

  it('leaves the whole set to JavaScript when a row holds a line break or its separator', async () => {
    for (const name of ['LINE\nBREAK', 'UNIT\x1fSEPARATOR', '\x01']) {
      const { js, native } = await bothWays([base, { ...base, subject_id: '2', name }])
      expect(native.how).toMatchObject({ native: 0, javascript: 1 })
      expectSameFiles(js.files, native.files)
    }
    // Likewise a court or a reason, which the drawer's other file carries.
    for (const other of [{ court: 'CASC\x1fSTOCKTON' }, { reason: 'Ground: line\nbreak' }]) {
      const { js, native } = await bothWays([base, { ...base, subject_id: '2', ...other }])
      expect(native.how.native).toBe(0)
      expect(native.how.why).toMatch(/control character/)
      expectSameFiles(js.files, native.files)
    }
  })

  it('writes what JavaScript writes for random sets of rows', async () => {
    const text = (max: number) =>
      fc.string({
        unit: fc.constantFrom(...'AB Z09,;"()\\\'=-+@.:|'.split(''), ' ', 'X', 'Y'),
        maxLength: max,
      })
    const row = fc.record({
      court: fc.constantFrom('CASC A', 'CASC B', null),
      remedy: fc.constantFrom(
        'dismiss_and_seal',
        'redesignate',
        'recall_and_resentence',
        'review',
        'not_eligible',
      ),
      determination: fc.constantFrom('dismiss', 'reduce', 'review', 'not_eligible'),
      reduced_level: fc.constantFrom(null, 'misdemeanor', 'infraction'),
      layer: fc.constantFrom('statute', 'policy'),
      is_related: fc.boolean(),
      case_number: fc.option(text(30)),
      name: fc.option(text(90)),
      aka: fc.array(text(40), { maxLength: 3 }).map((a) => a.join('; ')),
      dob: fc.option(text(12)),
      cii_number: fc.option(text(20)),
      conviction_date: fc.option(fc.array(text(12), { minLength: 1, maxLength: 4 }).map((a) => a.join('; '))),
      code_sections: text(60),
      counts: fc.integer({ min: 1, max: 9 }),
      count_orders: text(20),
      rule_ids: fc.array(text(14), { minLength: 1, maxLength: 8 }).map((a) => a.join('; ')),
      reason: fc.constantFrom('', base.reason, LONG_REASON, 'Ground: "quoted", with commas'),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
        const cases = rows.map((r, i) => ({ ...r, county: 'KINGS', subject_id: String(i) }))
        const { js, native } = await bothWays(cases)
        expect(native.how.javascript).toBe(0)
        expectSameFiles(js.files, native.files)
      }),
      { numRuns: 15 },
    )
  }, 120_000)
})
