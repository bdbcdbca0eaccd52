import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
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
import { int_court_only_charges } from '../../../sql/intermediate/int_court_only_charges.ts'

type Row = Record<string, unknown>

async function build(
  court: CourtRecord[],
  doj: { counts?: Record<string, Cell>[]; subjects?: Record<string, Cell>[] },
) {
  return runModel(
    int_court_only_charges,
    { ...courtIndex(court), ...dojTables(doj) },
    { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs] },
  )
}

async function courtOnly(court: CourtRecord[], doj: Parameters<typeof build>[1]): Promise<Row[]> {
  const run = await build(court, doj)
  const rows = await run.rows<Row>('file_index, record')
  run.close()
  return rows
}

const md12 = (s: string) => createHash('md5').update(s).digest('hex').slice(0, 12)

describe('int_court_only_charges', () => {
  it('an extra count of a case the DOJ knows: court-only, given to the DOJ person the charge names', async () => {
    const rows = await courtOnly(
      [
        courtRecord({ court_case_number: '08CR999', defendant_name: 'BROWN,ANA', dob: '1975-01-01' }),
        courtRecord({
          court_case_number: '08CR999',
          defendant_name: 'BROWN,ANA',
          dob: '1975-01-01',
          charge_section: '11360(B) HS',
          charge_level: 'M',
        }),
      ],
      {
        counts: [dojCount({ subject_id: '400', case_number: '08CR999' })],
        subjects: [dojSubject({ subject_id: '400', name: 'BROWN,ANA', dob: '1975-01-01' })],
      },
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      record: '2',
      code_section: 'HS 11360(B)',
      subject_id: '400',
      cnt_order: 'COURT:1:000000002',
      doj_history_known: true,
      doj_person_matched_by: 'case',
      case_known_to_doj: true,
    })
  })

  it('a person the DOJ does not know gets one COURT- id from name + DOB across cases', async () => {
    const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01', county: 'FRESNO' }
    const rows = await courtOnly(
      [
        courtRecord({ ...doe, court_case_number: 'GC-1' }),
        courtRecord({
          ...doe,
          defendant_name: 'JANE DOE',
          court_case_number: 'GC-2',
          charge_section: 'HS 11357(b)',
          charge_level: 'M',
        }),
        // No name: nothing to know the person by, so the record is its own person.
        courtRecord({ court_case_number: 'GC-3', county: 'FRESNO', defendant_name: '' }),
      ],
      {},
    )
    const id = `COURT-${md12('DOE,JANE|1960-01-01')}`
    expect(
      rows.map((r) => [r.subject_id, r.doj_history_known, r.doj_person_matched_by, r.case_known_to_doj]),
    ).toEqual([
      [id, false, null, false],
      [id, false, null, false],
      ['COURT-1-3', false, null, false],
    ])
    expect(rows.map((r) => r.cnt_order)).toEqual([
      'COURT:1:000000001',
      'COURT:1:000000002',
      'COURT:1:000000003',
    ])
  })

  it('a DOJ person found by name + DOB when the case is unknown to the DOJ; not when two share them', async () => {
    const court = [courtRecord({ court_case_number: 'NEW-1', disposition_date: '1995-01-01' })]
    const one = await courtOnly(court, {
      subjects: [dojSubject({ subject_id: 'D1', name: 'GARCIA,MARIA L' })],
    })
    expect(one[0]).toMatchObject({
      subject_id: 'D1',
      doj_person_matched_by: 'name_dob',
      doj_history_known: true,
      case_known_to_doj: false,
    })
    const two = await courtOnly(court, {
      subjects: [dojSubject({ subject_id: 'D1' }), dojSubject({ subject_id: 'D9' })],
    })
    expect(two[0]).toMatchObject({ doj_history_known: false, doj_person_matched_by: null })
    expect(two[0]!.subject_id).toMatch(/^COURT-[0-9a-f]{12}$/)
  })

  it('only loaded cannabis convictions: not an acquittal, another offense or a rejected record', async () => {
    const rows = await courtOnly(
      [
        courtRecord({ court_case_number: 'A1', disposition: 'DISMISSED' }),
        courtRecord({ court_case_number: 'A2', charge_section: 'VC 23152(A)' }),
        courtRecord({ court_case_number: 'A3', county: 'Atlantis' }),
        courtRecord({ court_case_number: '' }),
        courtRecord({ court_case_number: 'A5', charge_section: '11362.3 HS', charge_level: 'I' }),
      ],
      {},
    )
    expect(rows.map((r) => r.court_case_number ?? r.case_number)).toEqual(['A5'])
  })

  it('property: reconciliation balances; each loaded court cannabis conviction is paired or court-only, never both', async () => {
    const rec = fc.record({
      caseNo: fc.constantFrom('05CR1234', '05-CR-01234', 'BA555', ''),
      section: fc.constantFrom('11359 HS', '11357(B) HS', '11360(A) HS', 'VC 23152'),
      county: fc.constantFrom('ORANGE', 'FRESNO', 'Atlantis'),
      person: fc.constantFrom(0, 1, 2),
      date: fc.constantFrom('2005-03-01', '2006-03-01'),
      convicted: fc.boolean(),
    })
    const people: [string, string][] = [
      ['GARCIA,MARIA', '1970-02-02'],
      ['LEE,KIM', '1980-08-08'],
      ['DOE,JANE', '1960-01-01'],
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(rec, { maxLength: 5 }),
        fc.array(rec, { maxLength: 6 }),
        async (doj, court) => {
          const run = await build(
            court.map((c) =>
              courtRecord({
                court_case_number: c.caseNo,
                county: c.county,
                charge_section: c.section,
                defendant_name: people[c.person]![0],
                dob: people[c.person]![1],
                disposition: c.convicted ? 'CONVICTED' : 'DISMISSED',
                disposition_date: c.date,
              }),
            ),
            {
              counts: doj
                .filter((d) => d.county !== 'Atlantis' && d.section.endsWith('HS'))
                .map((d, i) =>
                  dojCount({
                    subject_id: `D${d.person}`,
                    cnt_order: String(i + 1).padStart(3, '0') + '001001000',
                    case_number: d.caseNo,
                    county: d.county,
                    section: d.section.slice(0, 5),
                    conviction_date: d.date,
                  }),
                ),
              subjects: people
                .slice(0, 2)
                .map(([name, dob], i) => dojSubject({ subject_id: `D${i}`, name, dob })),
            },
          )
          const key = (r: Row) => `${r.file_index}:${r.record}`
          const eligible = (
            await run.db.rows<Row>(
              `select file_index, record from stg_court_index_rows where reject_reason is null and is_cannabis and is_conviction`,
            )
          ).map(key)
          const paired = new Set(
            (
              await run.db.rows<Row>(
                'select distinct file_index, record from int_court_doj_pairs where record is not null',
              )
            ).map(key),
          )
          const only = (await run.rows<Row>()).map(key)
          run.close()
          expect(new Set(only).size).toBe(only.length)
          expect(only.filter((k) => paired.has(k))).toEqual([])
          expect([...only, ...eligible.filter((k) => paired.has(k))].sort()).toEqual([...eligible].sort())
        },
      ),
      { numRuns: 30 },
    )
  }, 120_000)
})
