import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel } from '../../helpers/model-fixture.ts'
import type { Cell } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  dojCount,
  dojSubject,
  dojTables,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'

interface Pair {
  subject_id: string
  cnt_order: string
  county: string
  case_number: string
  case_key: string | null
  matched_by: string | null
  record: string | null
}

async function pairs(
  court: CourtRecord[],
  doj: { counts: Record<string, Cell>[]; subjects: Record<string, Cell>[] },
  county: string | null = null,
): Promise<Pair[]> {
  const run = await runModel(
    int_court_doj_pairs,
    { ...courtIndex(court), ...dojTables(doj) },
    { seeds: COURT_SEEDS, also: [stg_court_index_rows], ctx: { county } },
  )
  const rows = await run.rows<Pair>('subject_id, cnt_order')
  run.close()
  return rows
}

const brief = (rows: Pair[]) =>
  rows.map((r) => `${r.subject_id}/${r.cnt_order}:${r.matched_by ?? '-'}:${r.record ?? '-'}`)

describe('int_court_doj_pairs', () => {
  it('one court charge stands for two DOJ counts of the case, the numbers written differently', async () => {
    const rows = await pairs([courtRecord({ court_case_number: '05-cr-1234' })], {
      counts: [
        dojCount({ case_number: '05CR0001234', cnt_order: '001001001000' }),
        dojCount({ case_number: '05CR0001234', cnt_order: '001001002000' }),
      ],
      subjects: [dojSubject()],
    })
    expect(brief(rows)).toEqual(['D1/001001001000:case_number:1', 'D1/001001002000:case_number:1'])
    expect(rows[0]).toMatchObject({ case_number: '05CR0001234', case_key: '5CR1234', county: 'ORANGE' })
  })

  it('falls back to name + DOB in the county when the court numbers the case its own way', async () => {
    const court = [
      // Same person and day, other number: matched. Same person, other county: never.
      courtRecord({
        court_case_number: 'BA-555',
        defendant_name: 'JOHN SMITH',
        dob: '19650505',
        charge_section: '11360(A) HS',
        charge_level: 'M',
        disposition_date: '2006-06-10',
      }),
      courtRecord({
        court_case_number: 'LA-1',
        county: 'LOS ANGELES',
        defendant_name: 'Smith, John',
        dob: '1965-05-05',
        disposition_date: '2006-06-10',
      }),
    ]
    const rows = await pairs(court, {
      counts: [
        dojCount({
          subject_id: '200',
          case_number: '06CR777',
          section: '11360',
          subsection: 'A',
          conviction_date: '2006-06-10',
        }),
      ],
      subjects: [dojSubject({ subject_id: '200', name: 'SMITH,JOHN', dob: '1965-05-05' })],
    })
    expect(brief(rows)).toEqual(['200/001001001000:name_dob:1'])
  })

  it('name + DOB needs the same day, or the same section within 90 days; else the count is DOJ-only', async () => {
    const person = { defendant_name: 'SMITH,JOHN', dob: '1965-05-05' }
    const subjects = [dojSubject({ subject_id: '200', name: 'SMITH,JOHN', dob: '1965-05-05' })]
    const count = dojCount({ subject_id: '200', case_number: '06CR777', conviction_date: '2006-06-10' })
    const near = await pairs(
      [courtRecord({ ...person, court_case_number: 'X1', disposition_date: '2006-08-01' })],
      { counts: [count], subjects },
    )
    expect(brief(near)).toEqual(['200/001001001000:name_dob:1'])
    const otherSection = await pairs(
      [
        courtRecord({
          ...person,
          court_case_number: 'X1',
          charge_section: '11357(B) HS',
          disposition_date: '2006-08-01',
        }),
      ],
      { counts: [count], subjects },
    )
    expect(brief(otherSection)).toEqual(['200/001001001000:-:-'])
    const farApart = await pairs(
      [courtRecord({ ...person, court_case_number: 'X1', disposition_date: '2007-01-01' })],
      { counts: [count], subjects },
    )
    expect(brief(farApart)).toEqual(['200/001001001000:-:-'])
    const otherDob = await pairs(
      [
        courtRecord({
          ...person,
          dob: '1965-05-06',
          court_case_number: 'X1',
          disposition_date: '2006-06-10',
        }),
      ],
      { counts: [count], subjects },
    )
    expect(brief(otherDob)).toEqual(['200/001001001000:-:-'])
  })

  it('a court case matched by number is not taken again by name + DOB', async () => {
    const rows = await pairs([courtRecord({ court_case_number: '05CR1234' })], {
      counts: [
        dojCount({ cnt_order: '001001001000', case_number: '05CR1234' }),
        // The same person's other case, same day: the court case already belongs to 05CR1234.
        dojCount({ cnt_order: '002001001000', case_number: '05CR9999' }),
      ],
      subjects: [dojSubject()],
    })
    expect(brief(rows)).toEqual(['D1/001001001000:case_number:1', 'D1/002001001000:-:-'])
  })

  it('same case number in another county is another case', async () => {
    const rows = await pairs([courtRecord({ county: 'FRESNO' })], {
      counts: [dojCount({ case_number: '05CR1234', county: 'ORANGE', conviction_date: '2001-01-01' })],
      subjects: [dojSubject()],
    })
    expect(brief(rows)).toEqual(['D1/001001001000:-:-'])
  })

  it('pairs each count with the charge of its own section and level, whatever the file order', async () => {
    const rows = await pairs(
      [
        courtRecord({ charge_section: '11357(B) HS', charge_level: 'M' }),
        courtRecord({ charge_section: '11359 HS', charge_level: 'F' }),
        courtRecord({ charge_section: '11360(A) HS', charge_level: 'F', disposition: 'DISMISSED' }),
      ],
      {
        counts: [
          dojCount({ cnt_order: '001001001000' }),
          dojCount({
            cnt_order: '001001002000',
            section: '11357',
            subsection: 'B',
            conviction_level: 'misdemeanor',
          }),
          // No court charge of its section: takes the leftover charge of the case.
          dojCount({ cnt_order: '001001003000', section: '11360', subsection: 'A' }),
        ],
        subjects: [dojSubject()],
      },
    )
    expect(brief(rows)).toEqual([
      'D1/001001001000:case_number:2',
      'D1/001001002000:case_number:1',
      'D1/001001003000:case_number:3',
    ])
  })

  it('co-defendants in one court case: each DOJ person pairs with the charge that names them', async () => {
    const rows = await pairs(
      [
        courtRecord({ defendant_name: 'LEE,KIM', dob: '1980-08-08' }),
        courtRecord({ defendant_name: 'GARCIA,MARIA' }),
      ],
      {
        counts: [dojCount({ subject_id: 'D1' }), dojCount({ subject_id: 'D2' })],
        subjects: [dojSubject(), dojSubject({ subject_id: 'D2', name: 'LEE,KIM', dob: '1980-08-08' })],
      },
    )
    expect(brief(rows)).toEqual(['D1/001001001000:case_number:2', 'D2/001001001000:case_number:1'])
  })

  it('rejected court records never match; a --county run keeps only its county', async () => {
    const subjects = [dojSubject(), dojSubject({ subject_id: 'D2' })]
    const counts = [
      dojCount({ subject_id: 'D1' }),
      dojCount({ subject_id: 'D2', county: 'FRESNO', case_number: 'F1' }),
    ]
    const court = [
      courtRecord(),
      courtRecord({ county: 'FRESNO', court_case_number: 'F1', disposition_date: '1999-01-01' }),
      courtRecord({ county: 'Atlantis', court_case_number: '05CR1234' }),
    ]
    expect(brief(await pairs(court, { counts, subjects }, 'ORANGE'))).toEqual([
      'D1/001001001000:case_number:1',
    ])
    expect(brief(await pairs(court, { counts, subjects }))).toEqual([
      'D1/001001001000:case_number:1',
      'D2/001001001000:case_number:2',
    ])
  })

  it('property: one row per DOJ count; a matched count has a loaded court charge of its county, an unmatched none', async () => {
    const caseNo = fc.constantFrom('05CR1234', '05-CR-01234', 'BA555', '06CR7', '')
    const section = fc.constantFrom<[string, string | null]>(['11359', null], ['11357', 'B'], ['11360', 'A'])
    const county = fc.constantFrom('ORANGE', 'FRESNO')
    const person = fc.constantFrom('D1', 'D2')
    const date = fc.constantFrom('2005-03-01', '2005-04-01', '2006-03-01')
    const dojArb = fc.array(fc.record({ person, caseNo, section, county, date }), { maxLength: 5 })
    const courtArb = fc.array(
      fc.record({
        person,
        caseNo,
        section,
        county,
        date,
        convicted: fc.boolean(),
        level: fc.constantFrom('F', 'M', ''),
      }),
      { maxLength: 5 },
    )
    const names: Record<string, [string, string]> = {
      D1: ['GARCIA,MARIA', '1970-02-02'],
      D2: ['LEE,KIM', '1980-08-08'],
    }
    await fc.assert(
      fc.asyncProperty(dojArb, courtArb, async (doj, court) => {
        const rows = await pairs(
          court.map((c) =>
            courtRecord({
              court_case_number: c.caseNo,
              county: c.county,
              defendant_name: names[c.person]![0],
              dob: names[c.person]![1],
              charge_section: `${c.section[0]}${c.section[1] ? `(${c.section[1]})` : ''} HS`,
              charge_level: c.level,
              disposition: c.convicted ? 'CONVICTED' : 'DISMISSED',
              disposition_date: c.date,
            }),
          ),
          {
            counts: doj.map((d, i) =>
              dojCount({
                subject_id: d.person,
                cnt_order: `00${i + 1}001001000`,
                case_number: d.caseNo,
                county: d.county,
                section: d.section[0],
                subsection: d.section[1],
                conviction_date: d.date,
              }),
            ),
            subjects: [dojSubject(), dojSubject({ subject_id: 'D2', name: 'LEE,KIM', dob: '1980-08-08' })],
          },
        )
        expect(rows).toHaveLength(doj.length)
        expect(new Set(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).size).toBe(rows.length)
        for (const r of rows) {
          const i = Number(r.cnt_order.slice(2, 3)) - 1
          expect(r.matched_by === null).toBe(r.record === null)
          if (r.record === null) continue
          const c = court[Number(r.record) - 1]!
          expect(c.county).toBe(doj[i]!.county)
          expect(c.caseNo).not.toBe('')
          if (r.matched_by === 'case_number')
            expect(c.caseNo.replace(/[^0-9A-Z]/g, '').replace(/(^|\D)0+(\d)/g, '$1$2')).toBe(r.case_key)
          // A court case another person's number matched is not given to this count by name + DOB.
          if (r.matched_by === 'name_dob') expect(c.person).toBe(doj[i]!.person)
        }
      }),
      { numRuns: 30 },
    )
  }, 120_000)
})
