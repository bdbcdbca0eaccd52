import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { renderMotionPdf, type RenderedMotion } from '../../../reports/motions/motion-pdf.ts'
import { ROWS_HEIGHT, paginate } from '../../../reports/motions/case-table.ts'
import { RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import type { MotionCase } from '../../../reports/motions/motion-case.ts'
import { HAS_PDFTOTEXT, pdfPages } from './pdf-tools.ts'

/** A court with 5,000 cases: 4,000 rows in schedule B, 1,000 in schedule E (under review). */
const N_B = 4000
const N_D = 1000
const caseOf = (i: number, remedy: string): MotionCase => ({
  county: 'LOS ANGELES',
  court: 'CASC LOS ANGELES METRO',
  remedy,
  determination: remedy === 'review' ? 'review' : 'reduce',
  reduced_level: remedy === 'review' ? null : 'misdemeanor',
  layer: 'statute',
  is_related: false,
  case_number: `BA${String(i).padStart(6, '0')}`,
  subject_id: String(500000 + i),
  name: `PERSON${i},ANN`,
  aka: '',
  dob: '1970-01-01',
  cii_number: `A${String(i).padStart(8, '0')}`,
  conviction_date: '2001-02-03',
  code_sections: 'HS 11359',
  counts: 1,
  count_orders: '001001001000',
  rule_ids: remedy === 'review' ? 'P64-11360-MISD' : 'P64-FEL-REDUCE',
  reason:
    remedy === 'review'
      ? 'Needs review: missing facts sale or gift.'
      : 'Redesignate as a misdemeanor (an infraction if under 18): Prop 64 makes this a misdemeanor.',
})
const sectionOf = (key: string) => RELIEF_SECTIONS.find((s) => s.key === key)!

// Row heights as drawn: 9 pt per line + 3 pt padding above and below; the reason line adds 8 pt.
// "Redesignate as a misdemeanor" takes two lines of the Relief column; "Review" one.
const B_ROW = 2 * 9 + 8 + 6
const E_ROW = 9 + 8 + 6

let pdf: RenderedMotion
let seconds = 0
let path = ''
beforeAll(async () => {
  const schedules = RELIEF_SECTIONS.map((s) => ({ section: s, cases: [] as MotionCase[] }))
  const at = (key: string) => RELIEF_SECTIONS.indexOf(sectionOf(key))
  for (let i = 0; i < N_B; i++) schedules[at('redesignate')]!.cases.push(caseOf(i, 'redesignate'))
  for (let i = N_B; i < N_B + N_D; i++) schedules[at('review')]!.cases.push(caseOf(i, 'review'))
  const t0 = performance.now()
  pdf = renderMotionPdf({
    county: 'LOS ANGELES',
    court: 'CASC LOS ANGELES METRO',
    runId: 'abc123def456',
    asOf: '2026-01-01',
    policy: 'statute',
    toolVersion: 'test',
    source: 'doj_extract',
    schedules,
  })
  seconds = (performance.now() - t0) / 1000
  path = join(mkdtempSync(join(tmpdir(), 'relief-5000-')), 'motion.pdf')
  writeFileSync(path, pdf.bytes)
})

describe('a 5,000-case court', () => {
  it('renders in well under a second per 5,000 cases (a loose bound for a shared machine)', () => {
    expect(sectionOf('redesignate').schedule).toBe('B')
    expect(sectionOf('review').schedule).toBe('E')
    expect(seconds).toBeLessThan(3)
  })

  it('paginates to the row capacity of a page', async () => {
    const perPageB = Math.floor(ROWS_HEIGHT / B_ROW)
    const perPageE = Math.floor(ROWS_HEIGHT / E_ROW)
    expect(paginate(Array(N_B).fill(B_ROW), ROWS_HEIGHT)).toHaveLength(Math.ceil(N_B / perPageB))
    const doc = await PDFDocument.load(pdf.bytes)
    expect(doc.getPageCount()).toBe(pdf.pages)
    for (const page of doc.getPages()) expect([page.getWidth(), page.getHeight()]).toEqual([612, 792])
    // Cover (2 pages) + schedule B + schedule E.
    expect(pdf.pages).toBe(2 + Math.ceil(N_B / perPageB) + Math.ceil(N_D / perPageE))
  })

  it.skipIf(!HAS_PDFTOTEXT)('repeats the headers, numbers pages and lists every case once, in order', () => {
    const pages = pdfPages(path)
    expect(pages).toHaveLength(pdf.pages)
    const seen: string[] = []
    pages.forEach((text, i) => {
      expect(text).toContain(`page ${i + 1} of ${pdf.pages}`)
      expect(text).toContain('run abc123def456')
      const cases = text.match(/BA\d{6}/g) ?? []
      if (i < 2) return expect(cases).toEqual([])
      expect(text).toMatch(/Schedule [BE]: /)
      expect(text).toMatch(
        /Case number\s+Name \/ AKA\s+DOB\s+CII number\s+Convicted\s+Code sections\s+Relief\s+Rule ids/,
      )
      const b = /Schedule B: /.test(text)
      expect(cases.length).toBeLessThanOrEqual(Math.floor(ROWS_HEIGHT / (b ? B_ROW : E_ROW)))
      seen.push(...cases)
    })
    const expected = Array.from({ length: N_B + N_D }, (_, i) => `BA${String(i).padStart(6, '0')}`)
    expect(seen).toEqual(expected)
    expect(pages[3]).toContain(
      'Schedule B: Redesignate as misdemeanor or infraction (HS 11361.8(e)-(f)) - continued',
    )
    const all = pages.join('')
    expect(all).toContain('Missing facts: missing facts sale or gift.')
    expect(all).toContain('Reason: Prop 64 makes this a misdemeanor.')
    expect(all.match(/Reason: Prop 64 makes this a misdemeanor\./g)).toHaveLength(N_B)
    expect(all.match(/Redesignate as a /g)).toHaveLength(N_B)
  })
})
