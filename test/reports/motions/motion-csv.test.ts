import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MOTION_CSV_COLUMNS, motionCsv, motionCsvBytes } from '../../../reports/motions/motion-csv.ts'
import {
  reliefLabel,
  RELIEF_SECTIONS,
  schedulesOf,
  sectionsFor,
} from '../../../reports/motions/relief-sections.ts'
import type { MotionCase } from '../../../reports/motions/motion-case.ts'

/** RFC 4180 and the spreadsheet rule, written the plain way: what the fast writer must equal. */
function referenceCsv(schedules: ReturnType<typeof schedulesOf>): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v)
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [MOTION_CSV_COLUMNS.join(',')]
  for (const { section, cases } of schedules)
    for (const c of cases)
      lines.push(
        [
          c.county,
          c.court,
          section.schedule,
          c.remedy,
          reliefLabel(c),
          c.reduced_level,
          c.determination,
          c.layer,
          String(c.is_related),
          c.case_number,
          c.subject_id,
          c.name,
          c.aka,
          c.dob,
          c.cii_number,
          c.conviction_date,
          c.code_sections,
          c.counts,
          c.count_orders,
          c.rule_ids,
          c.reason,
        ]
          .map(cell)
          .join(','),
      )
  return lines.join('\n') + '\n'
}

/** Text with the characters that need quoting, escaping or the apostrophe, and some beyond ASCII. */
const text = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    ' ',
    ',',
    '"',
    '\n',
    '\r',
    '=',
    '+',
    '-',
    '@',
    '\t',
    'É',
    '\u2013',
    '😀',
    ';',
  ),
  maxLength: 12,
})
const nullable = fc.option(text, { nil: null })

const motionCase: fc.Arbitrary<MotionCase> = fc.record({
  county: nullable,
  court: nullable,
  remedy: fc.constantFrom(
    'dismiss_and_seal',
    'redesignate',
    'recall_and_resentence',
    'review',
    'not_eligible',
    'x_new',
  ),
  determination: fc.constantFrom('dismiss', 'reduce', 'review', 'not_eligible'),
  reduced_level: fc.constantFrom('misdemeanor' as const, 'infraction' as const, null),
  layer: fc.constantFrom('statute' as const, 'policy' as const),
  is_related: fc.boolean(),
  case_number: nullable,
  subject_id: text,
  name: nullable,
  aka: text,
  dob: nullable,
  cii_number: nullable,
  conviction_date: nullable,
  code_sections: text,
  counts: fc.integer({ min: 1, max: 12 }),
  count_orders: text,
  rule_ids: text,
  // A few reasons recur on many rows, as in a real run.
  reason: fc.constantFrom('', 'Not eligible: "x", y', '=SUM(A1)', 'Dismiss \u2013 seal\nnow'),
})

describe('motion CSV', () => {
  it('property: the bytes are the UTF-8 of the plain RFC 4180 writer, rows in schedule order', () => {
    fc.assert(
      fc.property(fc.array(motionCase, { maxLength: 30 }), (cases) => {
        const schedules = schedulesOf(cases, sectionsFor(cases))
        const expected = referenceCsv(schedules)
        expect(Buffer.from(motionCsvBytes(schedules)).equals(Buffer.from(expected, 'utf8'))).toBe(true)
        expect(motionCsv(schedules)).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('quotes a cell once per distinct value yet never mixes two values up', () => {
    const base: MotionCase = {
      county: 'YOLO',
      court: 'CASC WOODLAND',
      remedy: 'redesignate',
      determination: 'reduce',
      reduced_level: 'misdemeanor',
      layer: 'statute',
      is_related: false,
      case_number: 'C1',
      subject_id: '1',
      name: 'DOE,JANE',
      aka: '',
      dob: '1980-01-01',
      cii_number: null,
      conviction_date: '2010-01-01',
      code_sections: 'HS 11359',
      counts: 1,
      count_orders: '001',
      rule_ids: 'R1',
      reason: 'first',
    }
    const rows = [base, { ...base, reduced_level: 'infraction' as const, reason: 'second, quoted' }, base]
    const csv = motionCsv(schedulesOf(rows, RELIEF_SECTIONS)).split('\n')
    expect(csv[1]).toBe(
      'YOLO,CASC WOODLAND,B,redesignate,Redesignate as a misdemeanor,misdemeanor,reduce,statute,false,C1,1,"DOE,JANE",,1980-01-01,,2010-01-01,HS 11359,1,001,R1,first',
    )
    expect(csv[2]).toContain(',Redesignate as an infraction,infraction,')
    expect(csv[2]!.endsWith(',"second, quoted"')).toBe(true)
    expect(csv[3]).toBe(csv[1])
  })
})
