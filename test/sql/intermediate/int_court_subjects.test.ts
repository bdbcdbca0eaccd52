import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  dojSubject,
  dojTables,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'
import { int_court_only_charges } from '../../../sql/intermediate/int_court_only_charges.ts'
import { int_court_subjects } from '../../../sql/intermediate/int_court_subjects.ts'

type Row = Record<string, unknown>

async function subjects(court: CourtRecord[], people: Record<string, Cell>[] = []): Promise<Row[]> {
  const run = await runModel(
    int_court_subjects,
    { ...courtIndex(court), ...dojTables({ subjects: people }) },
    { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs, int_court_only_charges] },
  )
  const rows = await run.rows<Row>('subject_id')
  run.close()
  return rows
}

describe('int_court_subjects', () => {
  it('a DOJ person of a court-only conviction keeps the DOJ record; others are left out', async () => {
    const rows = await subjects(
      [courtRecord({ court_case_number: 'NEW-1' })],
      [
        dojSubject({ pc290_registered: true, pc290_registration_date: '2001-01-01', gender: 'F' }),
        dojSubject({ subject_id: 'D2', name: 'LEE,KIM', dob: '1980-08-08' }),
      ],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      subject_id: 'D1',
      name: 'GARCIA,MARIA',
      gender: 'F',
      pc290_registered: true,
      cii_number: 'A1',
    })
  })

  it('one row per court-only person the DOJ does not know, from all their records', async () => {
    const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01' }
    const rows = await subjects([
      courtRecord({ ...doe, court_case_number: 'GC-1', county: 'FRESNO' }),
      courtRecord({ ...doe, defendant_name: 'JANE DOE', court_case_number: 'GC-2', county: 'ALAMEDA' }),
      courtRecord({ ...doe, defendant_name: 'Jane Q Doe', court_case_number: 'GC-3', county: 'FRESNO' }),
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      name: expect.stringMatching(/Doe/i),
      names: ['Doe, Jane', 'JANE DOE', 'Jane Q Doe'],
      dob_status: 'ok',
      deceased: false,
      cii_number: null,
      gender: null,
      race_code: null,
      pc290_registration_date: null,
      first_conviction_county: 'ALAMEDA',
    })
    expect(String(rows[0]!.dob)).toBe('1960-01-01')
  })

  it('first_conviction_county: the county of the earliest disposition, not the alphabetically first', async () => {
    const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01' }
    const rows = await subjects([
      courtRecord({ ...doe, court_case_number: 'GC-1', county: 'FRESNO', disposition_date: '2011-05-01' }),
      courtRecord({ ...doe, court_case_number: 'GC-2', county: 'ALAMEDA', disposition_date: '2014-02-03' }),
    ])
    expect(rows.map((r) => r.first_conviction_county)).toEqual(['FRESNO'])
  })

  it('a person without a readable DOB: dob null, status bad or missing', async () => {
    const rows = await subjects([
      courtRecord({ court_case_number: 'B1', dob: '31/12/1960', defendant_name: 'BAD,DOB' }),
      courtRecord({ court_case_number: 'M1', dob: '', defendant_name: 'NO,DOB' }),
    ])
    expect(rows.map((r) => [r.name, r.dob, r.dob_status]).sort()).toEqual([
      ['BAD,DOB', null, 'bad'],
      ['NO,DOB', null, 'missing'],
    ])
    // Each record is its own person (no name + DOB key): one row each, never merged.
    expect(new Set(rows.map((r) => r.subject_id)).size).toBe(2)
  })
})
