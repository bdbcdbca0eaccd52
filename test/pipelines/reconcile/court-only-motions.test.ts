import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { writeExtract } from '../../helpers/doj-fixture.ts'
import { reconcileRun } from '../../../pipelines/reconcile/reconcile-run.ts'
import {
  MOTION_CSV_COLUMNS,
  MOTION_INDEX_COLUMNS,
} from '../../../data-contracts/outputs/motion-cases.contract.ts'
import { writeCourtIndex } from './court-fixture.ts'
import { COURT, DOJ } from './reconcile-cases.ts'
import { HAS_PDFTOTEXT, pdfPages } from '../../reports/motions/pdf-tools.ts'

type Row = Record<string, string>
const readCsv = (p: string): Row[] => parse(readFileSync(p), { columns: true }) as Row[]

let out: string
let motions: string
let manifest: { run_id: string; outputs?: unknown }

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-court-motions-'))
  out = join(dir, 'run')
  await reconcileRun({
    inputs: [writeExtract(DOJ, { dir })],
    courtIndex: [writeCourtIndex(dir, COURT)],
    out,
    asOf: '2026-01-01',
    quiet: true,
  })
  motions = join(out, 'restricted', 'reconcile', 'motions')
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
}, 180_000)

const courtCsv = (county: string, court: string) => readCsv(join(motions, county, `${court}.csv`))

describe('court-only convictions join the motions: a supplemental motion per court', () => {
  it('one motion per court of the court-only convictions, indexed with its schedule totals', () => {
    const index = readCsv(join(motions, 'index.csv'))
    expect(Object.keys(index[0]!)).toEqual([...MOTION_INDEX_COLUMNS])
    expect(index.map((r) => [r.county, r.court, r.csv, r.cases, r.people])).toEqual([
      [
        'FRESNO',
        'SUPERIOR COURT FRESNO',
        'restricted/reconcile/motions/fresno/superior-court-fresno.csv',
        'A=1 B=0 C=0 D=0 E=1 F=0',
        '1',
      ],
      [
        'SAN DIEGO',
        'SUPERIOR COURT SAN DIEGO',
        'restricted/reconcile/motions/san-diego/superior-court-san-diego.csv',
        'A=1 B=0 C=0 D=0 E=0 F=0',
        '1',
      ],
    ])
    // Every court-only conviction is on exactly one supplemental motion row.
    const rows = [
      courtCsv('fresno', 'superior-court-fresno'),
      courtCsv('san-diego', 'superior-court-san-diego'),
    ].flat()
    const courtOnly = readCsv(join(out, 'restricted', 'reconcile', 'court_only.csv'))
    expect(rows.reduce((n, r) => n + Number(r.counts), 0)).toBe(courtOnly.length)
  })

  it("rows in the motion CSV's columns: the court's case number, name and DOB, the schedule of the decision", () => {
    const fresno = courtCsv('fresno', 'superior-court-fresno')
    expect(Object.keys(fresno[0]!)).toEqual([...MOTION_CSV_COLUMNS])
    expect(
      fresno.map((r) => [r.schedule, r.case_number, r.name, r.dob, r.determination, r.rule_ids]),
    ).toEqual([
      // E: HS 11357(B) at 30, dismissed (P64-11357B-01).
      ['A', 'GC-2', 'Doe, Jane', '1960-01-01', 'dismiss', 'P64-11357B-01'],
      // D: a felony of a person with no DOJ history, review naming what is unknown (CRT-DATA-01).
      ['E', 'GC-1', 'Doe, Jane', '1960-01-01', 'review', 'CRT-DATA-01'],
    ])
    expect(fresno[1]!.reason).toMatch(/^Needs review: found only in the court index/)
    // No DOJ history: no CII number; the court index line stands where a DOJ count order would.
    expect(fresno.map((r) => [r.cii_number, r.count_orders])).toEqual([
      ['', 'line 5'],
      ['', 'line 4'],
    ])
    // F: the count the DOJ's case 08CR999 lacks, of a person the DOJ knows: the DOJ's CII number.
    expect(courtCsv('san-diego', 'superior-court-san-diego')).toMatchObject([
      {
        schedule: 'A',
        case_number: '08CR999',
        subject_id: '400',
        name: 'BROWN,ANA',
        cii_number: 'A400',
        code_sections: 'HS 11360(B)',
        rule_ids: 'P64-11360B-01',
      },
    ])
  })

  it("the DOJ list's motions stay as they were: no court-only case is on them", () => {
    const doj = join(out, 'restricted', 'motions')
    const cases = readdirSync(doj)
      .filter((c) => c !== 'index.csv')
      .flatMap((c) =>
        readdirSync(join(doj, c))
          .filter((f) => f.endsWith('.csv'))
          .flatMap((f) => readCsv(join(doj, c, f)).map((r) => r.case_number)),
      )
    expect(cases.sort()).toEqual(['05CR0001234', '06CR777', '07CR888', '08CR999'])
    expect(readdirSync(doj)).not.toContain('fresno')
  })

  it.skipIf(!HAS_PDFTOTEXT)(
    'the cover says the convictions were found in the court records, not on the DOJ list',
    () => {
      const text = pdfPages(join(motions, 'fresno', 'superior-court-fresno.pdf'))
        .join('\n')
        .replace(/\s+/g, ' ')
      expect(text).toContain(
        'SUPPLEMENTAL BULK MOTION FOR RELIEF UNDER HEALTH AND SAFETY CODE SECTIONS 11361.8',
      )
      expect(text).toContain("Court as recorded in the court's case index: SUPERIOR COURT FRESNO")
      expect(text).toContain('the Department of Justice did not identify')
      expect(text).toContain(`run ${manifest.run_id}`)
      expect(text).toContain('Doe, Jane')
      expect(text).not.toContain('Court as recorded by the Department of Justice')
    },
  )

  it('owner-only files in owner-only folders, listed in the manifest', () => {
    for (const d of [motions, join(motions, 'fresno')]) expect(statSync(d).mode & 0o777).toBe(0o700)
    for (const f of ['index.csv', 'fresno/superior-court-fresno.csv', 'fresno/superior-court-fresno.pdf'])
      expect(statSync(join(motions, f)).mode & 0o777).toBe(0o600)
    expect(manifest.outputs).toEqual(
      expect.arrayContaining([
        'restricted/reconcile/motions/index.csv',
        'restricted/reconcile/motions/fresno/superior-court-fresno.pdf',
      ]),
    )
  })
})
