import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { renderMotionPdf, type RenderedMotion } from '../../../reports/motions/motion-pdf.ts'
import { ROWS_HEIGHT, paginate } from '../../../reports/motions/case-table.ts'
import { RELIEF_SECTIONS } from '../../../reports/motions/relief-sections.ts'
import type { MotionCase } from '../../../reports/motions/motion-cases.ts'
import { HAS_PDFTOTEXT, pdfPages } from './pdf-tools.ts'

/** A court with 5,000 cases: 4,000 one-line rows in schedule B, 1,000 rows with a one-line reason in D. */
const N_B = 4000
const N_D = 1000
const caseOf = (i: number, remedy: string): MotionCase => ({
  county: 'LOS ANGELES',
  court: 'CASC LOS ANGELES METRO',
  remedy,
  determination: remedy === 'review' ? 'review' : 'reduce',
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
  reason: remedy === 'review' ? 'Needs review: missing facts sale or gift.' : 'Redesignate.',
})
const sectionOf = (remedy: string) => RELIEF_SECTIONS.find((s) => s.remedy === remedy)!

// Row heights as drawn: 9 pt per line + 3 pt padding above and below; a reason line adds 8 pt.
const ONE_LINE = 15
const WITH_NOTE = 23

let pdf: RenderedMotion
let seconds = 0
let path = ''
beforeAll(async () => {
  const schedules = RELIEF_SECTIONS.map((s) => ({ section: s, cases: [] as MotionCase[] }))
  for (let i = 0; i < N_B; i++) schedules[1]!.cases.push(caseOf(i, 'redesignate'))
  for (let i = N_B; i < N_B + N_D; i++) schedules[3]!.cases.push(caseOf(i, 'review'))
  const t0 = performance.now()
  pdf = await renderMotionPdf({
    county: 'LOS ANGELES',
    court: 'CASC LOS ANGELES METRO',
    runId: 'abc123def456',
    asOf: '2026-01-01',
    policy: 'statute',
    toolVersion: 'test',
    schedules,
  })
  seconds = (performance.now() - t0) / 1000
  path = join(mkdtempSync(join(tmpdir(), 'relief-5000-')), 'motion.pdf')
  writeFileSync(path, pdf.bytes)
})

describe('a 5,000-case court', () => {
  it('renders in seconds', () => {
    expect(sectionOf('redesignate').schedule).toBe('B')
    expect(seconds).toBeLessThan(10)
  })

  it('paginates to the row capacity of a page', async () => {
    const perPageB = Math.floor(ROWS_HEIGHT / ONE_LINE)
    const perPageD = Math.floor(ROWS_HEIGHT / WITH_NOTE)
    expect(paginate(Array(N_B).fill(ONE_LINE), ROWS_HEIGHT)).toHaveLength(Math.ceil(N_B / perPageB))
    const doc = await PDFDocument.load(pdf.bytes)
    expect(doc.getPageCount()).toBe(pdf.pages)
    for (const page of doc.getPages()) expect([page.getWidth(), page.getHeight()]).toEqual([612, 792])
    // Cover (2 pages) + schedule B + schedule D.
    expect(pdf.pages).toBe(2 + Math.ceil(N_B / perPageB) + Math.ceil(N_D / perPageD))
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
      expect(text).toMatch(/Schedule [BD]: /)
      expect(text).toMatch(
        /Case number\s+Name \/ AKA\s+DOB\s+CII number\s+Convicted\s+Code sections\s+Relief\s+Rule ids/,
      )
      const b = /Schedule B: /.test(text)
      expect(cases.length).toBeLessThanOrEqual(Math.floor(ROWS_HEIGHT / (b ? ONE_LINE : WITH_NOTE)))
      seen.push(...cases)
    })
    const expected = Array.from({ length: N_B + N_D }, (_, i) => `BA${String(i).padStart(6, '0')}`)
    expect(seen).toEqual(expected)
    expect(pages[3]).toContain(
      'Schedule B: Redesignate as misdemeanor or infraction (HS 11361.8(e)-(f)) - continued',
    )
    expect(pages.join('')).toContain('Missing facts: missing facts sale or gift.')
  })
})
