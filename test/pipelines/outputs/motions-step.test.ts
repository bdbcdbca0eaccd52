import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { PDFDocument } from 'pdf-lib'
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts'
import type { Manifest } from '../../../data-contracts/manifest.contract.ts'
import { MOTION_CSV_COLUMNS } from '../../../reports/motions/motion-csv.ts'
import { RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import { AS_OF, writeFixture } from '../export/relief-fixture.ts'
import { HAS_PDFTOPPM, HAS_PDFTOTEXT, pdfPages, renderFirstPage } from '../../reports/motions/pdf-tools.ts'

type Row = Record<(typeof MOTION_CSV_COLUMNS)[number], string>
let out = ''
let manifest: Manifest
const motions = () => join(out, 'restricted', 'motions')
const csv = (county: string, court: string) =>
  parse(readFileSync(join(motions(), county, `${court}.csv`)), { columns: true }) as Row[]

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-motions-'))
  out = join(dir, 'run')
  await runPipeline({ inputs: [writeFixture(dir)], out, asOf: AS_OF, quiet: true })
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest
})

describe('motion lists', () => {
  it('write a CSV and a PDF per county and court, listed in the manifest', () => {
    expect(readdirSync(motions()).sort()).toEqual(['index.csv', 'san-joaquin', 'yolo'])
    expect(readdirSync(join(motions(), 'san-joaquin')).sort()).toEqual([
      'casc-lodi.csv',
      'casc-lodi.pdf',
      'casc-stockton.csv',
      'casc-stockton.pdf',
    ])
    expect(readdirSync(join(motions(), 'yolo')).sort()).toEqual(['casc-woodland.csv', 'casc-woodland.pdf'])
    expect(manifest.outputs).toContain('restricted/motions/san-joaquin/casc-stockton.pdf')
    expect(manifest.outputs).toContain('restricted/motions/index.csv')
  })

  it('keep everything under restricted/ owner-only', () => {
    const walk = (dir: string): void => {
      expect(statSync(dir).mode & 0o777, dir).toBe(0o700)
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else expect(statSync(p).mode & 0o777, p).toBe(0o600)
      }
    }
    walk(join(out, 'restricted'))
  })

  it('list one row per court case and relief, with name, AKA, DOB, CII and counted sections', () => {
    const stockton = csv('san-joaquin', 'casc-stockton')
    expect(stockton.map((r) => [r.schedule, r.case_number, r.subject_id])).toEqual([
      ['A', 'SJ-1001', '100001'],
      ['B', 'SJ-2002', '100002'],
      ['B', 'SJ-7002', '100007'],
    ])
    const p2 = stockton[1]!
    expect(p2).toMatchObject({
      county: 'SAN JOAQUIN',
      court: 'CASC STOCKTON',
      relief: 'redesignate',
      relief_label: 'Redesignate as a misdemeanor',
      reduced_level: 'misdemeanor',
      determination: 'reduce',
      layer: 'statute',
      is_related: 'false',
      name: 'DOE,JANE',
      aka: 'ROE,JANE',
      dob: '1970-05-05',
      cii_number: 'A0000002',
      conviction_date: '2008-03-01',
      code_sections: 'HS 11359 x2',
      counts: '2',
      rule_ids: 'P64-FEL-REDUCE',
    })
    const lodi = csv('san-joaquin', 'casc-lodi')
    expect(lodi.map((r) => [r.schedule, r.relief, r.case_number])).toEqual([
      ['A', 'dismiss_and_seal', 'LO-4001'],
      ['C', 'recall_and_resentence', 'LO-3001'],
    ])
    expect(lodi[1]!.relief_label).toBe('Recall; resentence as a misdemeanor')
    expect(lodi[0]).toMatchObject({ relief_label: 'Dismiss and seal', reduced_level: '' })
    const woodland = csv('yolo', 'casc-woodland')
    expect(woodland.map((r) => [r.schedule, r.case_number])).toEqual([
      ['A', 'YO-7001'],
      ['E', 'YO-6001'],
      ['F', 'YO-5001'],
    ])
    expect(woodland[1]!.reason).toMatch(/^Needs review: missing facts/)
    expect(woodland[2]!.reason).toMatch(/2016-11-09/)
  })

  it.skipIf(!HAS_PDFTOTEXT)(
    'print the totals and every case row of the CSV in the PDF, with page X of Y and the run id',
    async () => {
      for (const [county, court] of [
        ['san-joaquin', 'casc-stockton'],
        ['san-joaquin', 'casc-lodi'],
        ['yolo', 'casc-woodland'],
      ] as const) {
        const rows = csv(county, court)
        const path = join(motions(), county, `${court}.pdf`)
        const pages = pdfPages(path)
        const pageCount = (await PDFDocument.load(readFileSync(path))).getPageCount()
        expect(pages).toHaveLength(pageCount)
        pages.forEach((p, i) => {
          expect(p).toContain(`page ${i + 1} of ${pageCount}`)
          expect(p).toContain(`run ${manifest.run_id}`)
        })
        const all = pages.join('\n')
        expect(all).toContain(
          'BULK MOTION FOR RELIEF UNDER HEALTH AND SAFETY CODE SECTIONS 11361.8 AND 11361.9',
        )
        expect(all).toContain(`FOR THE COUNTY OF ${rows[0]!.county}`)
        expect(all).toContain(rows[0]!.court)
        // Cover totals: one line per schedule with cases, convictions, people.
        for (const s of RELIEF_SECTIONS) {
          const mine = rows.filter((r) => r.schedule === s.schedule)
          const cases = mine.length
          const convictions = mine.reduce((a, r) => a + Number(r.counts), 0)
          const people = new Set(mine.map((r) => r.subject_id)).size
          const line = all
            .split('\n')
            .find((l) => new RegExp(`^\\s*${s.schedule}\\s+${s.title.replace(/[()]/g, '.')}`).test(l))
          expect(line, `totals line for ${s.schedule}`).toBeDefined()
          expect(line!.trim().split(/\s+/).slice(-3)).toEqual([cases, convictions, people].map(String))
        }
        const total = all.split('\n').find((l) => /^\s+Total\s+\d/.test(l))!
        expect(total.trim().split(/\s+/).slice(-3)).toEqual(
          [
            rows.length,
            rows.reduce((a, r) => a + Number(r.counts), 0),
            new Set(rows.map((r) => r.subject_id)).size,
          ].map(String),
        )
        // Every case row: case number, name, DOB, CII and sections on one line of its schedule's pages.
        for (const r of rows) {
          const line = all.split('\n').find((l) => l.includes(r.case_number) && l.includes(r.name))
          expect(line, r.case_number).toBeDefined()
          for (const v of [r.dob, r.cii_number, r.code_sections, r.rule_ids]) expect(line).toContain(v)
        }
        expect(all).toContain('Dated:')
        expect(all).toContain('Judge of the Superior Court')
      }
    },
  )

  it.skipIf(!HAS_PDFTOPPM)('render page 1 as a non-blank US Letter page', () => {
    const r = renderFirstPage(join(motions(), 'yolo', 'casc-woodland.pdf'))
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(r.png.length).toBeGreaterThan(5_000)
    // 8.5 x 11 in at 50 dpi
    expect([r.width, r.height]).toEqual([425, 550])
    // Text covers a few percent of a page; a blank page has none.
    expect(r.darkShare).toBeGreaterThan(0.01)
    expect(r.darkShare).toBeLessThan(0.5)
  })
})
