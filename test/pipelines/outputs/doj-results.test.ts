import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import { exportOutputs, readManifest } from '../../../pipelines/export/export-command.ts'
import { ELIGIBILITY_COLUMNS } from '../../../data-contracts/outputs/doj-results.contract.ts'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'
import { conviction, dojRow, writeExtract } from '../../helpers/doj-fixture.ts'
import { AS_OF, BAD_LINE, writeFixture } from '../export/relief-fixture.ts'

let out = ''
let input: string[][] = []
const file = (county: string) =>
  parse(readFileSync(join(out, 'restricted', 'doj', `${county}_results.csv`)), {
    relax_column_count: true,
  }) as string[][]

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-doj-'))
  const extract = writeFixture(dir)
  out = join(dir, 'run')
  await runPipeline({ inputs: [extract], out, asOf: AS_OF, quiet: true })
  // The well-formed data lines of the extract, as csv-parse reads them, in file order.
  input = (parse(readFileSync(extract), { relax_column_count: true }) as string[][])
    .slice(1)
    .filter((r) => r.length === DOJ_COLUMN_NAMES.length)
})

const sorted = (rows: string[][]) => rows.map((r) => r.join('\u0001')).sort()
/** Rows come by person, then a person's other lines before their counts' lines, then count (a total order). */
function expectOrdered(rows: string[][]): void {
  const at = (n: string) => DOJ_COLUMN_NAMES.indexOf(n as (typeof DOJ_COLUMN_NAMES)[number])
  const key = (r: string[]) => {
    const count = /^\s*CONVICTED/i.test(r[at('DISP_DESCR')]!) ? r[at('CNT_ORDER')]!.trim() : ''
    return `${r[at('SUBJECT_ID')]!.trim()}\u0001${count ? `1${count}` : '0'}`
  }
  const keys = rows.map(key)
  expect(keys).toEqual([...keys].sort())
}
const col = (name: (typeof ELIGIBILITY_COLUMNS)[number]) =>
  DOJ_COLUMN_NAMES.length + ELIGIBILITY_COLUMNS.indexOf(name)
const get = (r: string[], name: (typeof ELIGIBILITY_COLUMNS)[number]) => r[col(name)]

describe('DOJ result files (default: the rows of in-scope counts)', () => {
  it('write one file per county with in-scope convictions, owner-only, and nothing else', () => {
    expect(readdirSync(join(out, 'restricted', 'doj')).sort()).toEqual([
      'san-joaquin_results.csv',
      'yolo_results.csv',
    ])
    for (const c of ['san-joaquin', 'yolo']) {
      const st = statSync(join(out, 'restricted', 'doj', `${c}_results.csv`))
      expect(st.mode & 0o777).toBe(0o600)
    }
  })

  it('carry exactly the CONVICTED lines of in-scope counts of the county, unchanged, by person and count', () => {
    const rows = file('san-joaquin')
    expect(rows[0]).toEqual([...DOJ_COLUMN_NAMES, ...ELIGIBILITY_COLUMNS])
    const body = rows.slice(1)
    for (const r of body) {
      expect(r).toHaveLength(DOJ_COLUMN_NAMES.length + ELIGIBILITY_COLUMNS.length)
      expect(get(r, 'IN_SCOPE_COUNT')).toBe('true')
      expect(r[DOJ_COLUMN_NAMES.indexOf('DISP_DESCR')]).toMatch(/^CONVICTED/)
    }
    // 100002: an arrest line and two sentence parts of one in-scope count: only the count's lines.
    const p2 = body.filter((r) => r[2] === '100002')
    expect(p2).toHaveLength(2)
    const expected = input.filter((r) =>
      p2.some((x) => x.slice(0, DOJ_COLUMN_NAMES.length).join('\u0001') === r.join('\u0001')),
    )
    expect(sorted(p2.map((r) => r.slice(0, DOJ_COLUMN_NAMES.length)))).toEqual(sorted(expected))
    expectOrdered(body)
    // 100004's PC 459 line is no in-scope count: left out.
    expect(body.filter((r) => r[2] === '100004')).toHaveLength(1)
    // Every row is one of the input's lines.
    const pos = body.map((r) =>
      input.findIndex((x) => x.join('\u0001') === r.slice(0, DOJ_COLUMN_NAMES.length).join('\u0001')),
    )
    expect(pos.every((p) => p >= 0)).toBe(true)
  })

  it("put a person with counts in two counties in each file with that county's counts only", () => {
    const county = (r: string[]) => r[DOJ_COLUMN_NAMES.indexOf('STP_ORI_CNTY_NAME')]!.trim().toUpperCase()
    expect(new Set(file('san-joaquin').slice(1).map(county))).toEqual(new Set(['SAN JOAQUIN']))
    expect(new Set(file('yolo').slice(1).map(county))).toEqual(new Set(['YOLO']))
    const p7 = (c: string) =>
      file(c)
        .slice(1)
        .filter((r) => r[2] === '100007')
    expect(p7('san-joaquin').length).toBeGreaterThan(0)
    expect(p7('yolo').length).toBeGreaterThan(0)
  })

  it('say what a reduction asks for, and nothing for other outcomes', () => {
    const all = [...file('san-joaquin').slice(1), ...file('yolo').slice(1)]
    for (const r of all) {
      if (get(r, 'DETERMINATION') === 'reduce')
        expect(['misdemeanor', 'infraction']).toContain(get(r, 'REDUCED_LEVEL'))
      else expect(get(r, 'REDUCED_LEVEL')).toBe('')
    }
    expect(all.some((r) => get(r, 'DETERMINATION') === 'reduce')).toBe(true)
  })
})

describe('DOJ result files with --doj-rows all', () => {
  beforeAll(async () => {
    await exportOutputs({ out, steps: ['doj'], dojRows: 'all' })
  })

  it('write one file per county with in-scope convictions, owner-only', () => {
    for (const c of ['san-joaquin', 'yolo']) {
      const st = statSync(join(out, 'restricted', 'doj', `${c}_results.csv`))
      expect(st.mode & 0o777).toBe(0o600)
    }
    expect(statSync(join(out, 'restricted', 'doj')).mode & 0o777).toBe(0o700)
  })

  it('carry the 95 input columns unchanged, then the eligibility columns', () => {
    const rows = file('san-joaquin')
    expect(rows[0]).toEqual([...DOJ_COLUMN_NAMES, ...ELIGIBILITY_COLUMNS])
    for (const r of rows.slice(1))
      expect(r).toHaveLength(DOJ_COLUMN_NAMES.length + ELIGIBILITY_COLUMNS.length)
    // Exactly the input lines of people with an in-scope San Joaquin count, byte-equal values, by person and count.
    const sjPeople = new Set(['100001', '100002', '100003', '100004', '100007'])
    const expected = input.filter((r) => sjPeople.has(r[2]!))
    expect(sorted(rows.slice(1).map((r) => r.slice(0, DOJ_COLUMN_NAMES.length)))).toEqual(sorted(expected))
    expectOrdered(rows.slice(1))
    // Padding and commas inside a field survive.
    expect(rows.some((r) => r.includes('  padded, with a comma  '))).toBe(true)
  })

  it('leave out people without an in-scope count in the county, and rejected lines', () => {
    const subjects = (rows: string[][]) => new Set(rows.slice(1).map((r) => r[2]))
    expect(subjects(file('san-joaquin'))).toEqual(new Set(['100001', '100002', '100003', '100004', '100007']))
    // 100007 has an in-scope count in both counties, so their whole record is in both files.
    expect(subjects(file('yolo'))).toEqual(new Set(['100005', '100006', '100007']))
    const text = readFileSync(join(out, 'restricted', 'doj', 'san-joaquin_results.csv'), 'utf8')
    expect(text).not.toContain('SHORT ROW')
    expect(BAD_LINE).toContain('SHORT ROW')
    expect(text).not.toContain('100008')
  })

  it('give in-scope count rows their own values and other rows the person-level ones', () => {
    const rows = file('san-joaquin')
    const p2 = rows.filter((r) => r[2] === '100002')
    expect(p2).toHaveLength(3)
    const [arrest, c1, c2] = p2
    expect(get(arrest!, 'IN_SCOPE_COUNT')).toBe('false')
    expect(get(arrest!, 'DETERMINATION')).toBe('')
    expect(get(arrest!, 'DATE_OF_CONVICTION')).toBe('')
    expect(get(arrest!, 'NUMBER_OF_CONVICTIONS_ON_RECORD')).toBe('2')
    expect(get(arrest!, 'COUNTS_PER_CODE_SECTION')).toBe('HS 11359 x2')
    expect(get(arrest!, 'DECEASED')).toBe('false')
    for (const c of [c1!, c2!]) {
      expect(get(c, 'IN_SCOPE_COUNT')).toBe('true')
      expect(get(c, 'DETERMINATION')).toBe('reduce')
      expect(get(c, 'RELIEF')).toBe('redesignate')
      expect(get(c, 'RULE_ID')).toBe('P64-FEL-REDUCE')
      expect(get(c, 'DATE_OF_CONVICTION')).toBe('20080301')
      expect(get(c, 'OCCURRED_AFTER_2016_11_09')).toBe('false')
      // 2008-03-01 to 2026-01-01: 6515 days / 365.25
      expect(get(c, 'YEARS_SINCE_THIS_CONVICTION')).toBe('17.84')
      expect(get(c, 'YEARS_SINCE_ANY_CONVICTION')).toBe('17.84')
      expect(get(c, 'REASON')).toMatch(/^Redesignate/)
    }
    // 100004: the PC 459 line (2022) is not an in-scope count; the 11357(B) count is.
    const p4 = rows.filter((r) => r[2] === '100004')
    expect(p4.map((r) => get(r, 'IN_SCOPE_COUNT'))).toEqual(['true', 'false'])
    expect(get(p4[0]!, 'DETERMINATION')).toBe('dismiss')
    expect(get(p4[1]!, 'YEARS_SINCE_ANY_CONVICTION')).toBe('3.84')
    expect(get(p4[1]!, 'NUMBER_OF_CONVICTIONS_ON_RECORD')).toBe('2')
    expect(get(p4[1]!, 'COUNTS_PER_CODE_SECTION')).toBe('HS 11357(B) x1')
    // The sentence still running: recall and resentence.
    const p3 = rows.filter((r) => r[2] === '100003')
    expect(p3.map((r) => get(r, 'RELIEF'))).toEqual(['recall_and_resentence', 'recall_and_resentence'])
    // 100005 (not eligible) is in the Yolo file with the offense after Prop 64.
    const p5 = file('yolo').find((r) => r[2] === '100005')!
    expect(get(p5, 'OCCURRED_AFTER_2016_11_09')).toBe('true')
    expect(get(p5, 'DETERMINATION')).toBe('not_eligible')
  })
})

describe('DOJ result files, no in-scope count', () => {
  it('a run that decides no Prop 64 count completes and writes no DOJ file', async () => {
    // The files table was built from an empty VALUES list, which is not SQL: the whole run failed.
    const dir = mkdtempSync(join(tmpdir(), 'relief-doj-none-'))
    const extract = writeExtract([dojRow({ SUBJECT_ID: '1', DISP_DESCR: 'DISMISSED' })], { dir })
    const none = join(dir, 'run')
    await runPipeline({ inputs: [extract], out: none, asOf: AS_OF, quiet: true })
    expect(readManifest(none).counts.in_scope_counts).toBe(0)
    expect(readdirSync(join(none, 'restricted', 'doj'))).toEqual([])
  }, 60_000)
})

describe('DOJ result files and the decisions read ids and dispositions the same way', () => {
  it('a count whose ids are padded with no-break spaces is decided once, and its line is in the file', async () => {
    // Staging trimmed only ASCII spaces and the files' filter every space separator: the count was decided as
    // person "\u00a0300001" and its line, read as person "300001", matched no decided count and was left out.
    const dir = mkdtempSync(join(tmpdir(), 'relief-doj-nbsp-'))
    const nbsp = '\u00a0'
    const rows = [
      ...conviction({
        subject: `${nbsp}300001${nbsp}`,
        cnt: `${nbsp}001001`,
        offense: '11357 HS-POSSESS MARIJUANA',
        convicted: '20100301',
        level: 'MISDEMEANOR',
      }),
      // A dotted capital I: upper-cased it stays İ, so this is no CONVICTED line for the files' filter, nor
      // (now) for staging, which read it as one when it lower-cased the text (ILIKE).
      ...conviction({
        subject: '300002',
        cnt: '001001',
        offense: '11357 HS-POSSESS MARIJUANA',
        convicted: '20100301',
        level: 'MISDEMEANOR',
        disposition: 'CONV\u0130CTED-FINE',
      }),
    ]
    const extract = writeExtract(rows, { dir })
    const run = join(dir, 'run')
    await runPipeline({ inputs: [extract], out: run, asOf: AS_OF, quiet: true })
    const decided = parse(readFileSync(join(run, 'count_determinations.csv')), { columns: true }) as Record<
      string,
      string
    >[]
    expect(decided.map((d) => [d.subject_id, d.cnt_order])).toEqual([['300001', '001001']])
    const lines = parse(readFileSync(join(run, 'restricted', 'doj', 'san-joaquin_results.csv')), {
      relax_column_count: true,
    }) as string[][]
    expect(lines.slice(1).map((r) => r[DOJ_COLUMN_NAMES.indexOf('SUBJECT_ID')])).toEqual([
      `${nbsp}300001${nbsp}`,
    ])
  }, 60_000)
})
