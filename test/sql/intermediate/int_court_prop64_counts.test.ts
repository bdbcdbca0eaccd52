import { describe, expect, it } from 'vitest'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  DOE_POSSESSION_1990,
  dojConviction,
  dojSubject,
  dojTables,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'
import { int_court_only_charges } from '../../../sql/intermediate/int_court_only_charges.ts'
import { int_court_convictions } from '../../../sql/intermediate/int_court_convictions.ts'
import { int_court_subjects } from '../../../sql/intermediate/int_court_subjects.ts'
import { int_court_prop64_counts } from '../../../sql/intermediate/int_court_prop64_counts.ts'

type Row = Record<string, unknown>

const CHAIN = [
  stg_court_index_rows,
  int_court_doj_pairs,
  int_court_only_charges,
  int_court_convictions,
  int_court_subjects,
]

async function counts(
  court: CourtRecord[],
  doj: {
    subjects?: Record<string, Cell>[]
    convictions?: Record<string, Cell>[]
    events?: Record<string, Cell>[]
  } = {},
): Promise<Row[]> {
  const run = await runModel(
    int_court_prop64_counts,
    { ...courtIndex(court), ...dojTables(doj) },
    { seeds: COURT_SEEDS, also: CHAIN },
  )
  const rows = await run.rows<Row>('subject_id, cnt_order')
  run.close()
  return rows
}

const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01', county: 'FRESNO' }

describe('int_court_prop64_counts', () => {
  it('one row per court-only conviction, with the court line and what the DOJ knows', async () => {
    const rows = await counts(
      [
        courtRecord({ ...DOE_POSSESSION_1990, line: 5 }),
        courtRecord({
          court_case_number: 'NEW-1',
          disposition_date: '2010-01-01',
          offense_date: '2009-06-01',
        }),
      ],
      {
        subjects: [dojSubject()],
        convictions: [dojConviction({ cnt_order: '001001001000', section: '459', code_type: 'PC' })],
      },
    )
    // D1's DOJ burglary is history, not a count of this model.
    expect(rows.map((r) => `${String(r.subject_id).slice(0, 6)}/${r.cnt_order}`)).toEqual([
      'COURT-/COURT:1:000000001',
      'D1/COURT:1:000000002',
    ])
    expect(rows[0]).toMatchObject({
      code_section: 'HS 11357(B)',
      age_at_offense: '30',
      age_source: 'dob',
      offense_era: 'before',
      old_law_offense: true,
      doj_history_known: false,
      case_known_to_doj: false,
      court_name: 'Doe, Jane',
      line: '5',
      source_file: 'court1.csv',
      record: '1',
      same_section_priors: '0',
      prior_superstrike: false,
    })
    expect(rows[1]).toMatchObject({ doj_history_known: true, age_at_offense: '39', offense_era: 'before' })
  })

  it('the era comes from the offense date; without one, from the conviction date', async () => {
    const rows = await counts([
      courtRecord({
        ...doe,
        court_case_number: 'A',
        offense_date: '2016-12-01',
        disposition_date: '2017-02-01',
      }),
      courtRecord({ ...doe, court_case_number: 'B', offense_date: '', disposition_date: '2015-02-01' }),
      courtRecord({ ...doe, court_case_number: 'C', offense_date: '', disposition_date: '2017-02-01' }),
    ])
    expect(rows.map((r) => [r.offense_era, r.old_law_offense, String(r.eval_date).slice(0, 10)])).toEqual([
      ['after', false, '2016-12-01'],
      ['before', true, '2015-02-01'],
      ['unknown', false, '2017-02-01'],
    ])
  })

  it('no readable DOB: no age (the court has no CYC_AGE to fall back on)', async () => {
    const [row] = await counts([courtRecord({ ...doe, dob: '' })])
    expect(row).toMatchObject({ age_at_offense: null, age_source: null })
  })

  it("a DOJ person's record decides priors and disqualifiers: two earlier same-section adult convictions, a super-strike", async () => {
    const rows = await counts(
      [
        courtRecord({
          court_case_number: 'NEW-1',
          disposition_date: '2010-01-01',
          offense_date: '2009-06-01',
        }),
      ],
      {
        subjects: [dojSubject()],
        convictions: [
          dojConviction({
            cnt_order: '001001001000',
            conviction_date: '1995-01-01',
            offense_date: '1994-06-01',
          }),
          dojConviction({
            cnt_order: '002001001000',
            conviction_date: '2000-01-01',
            offense_date: '1999-06-01',
          }),
          // After this offense: no prior.
          dojConviction({
            cnt_order: '003001001000',
            conviction_date: '2011-01-01',
            offense_date: '2010-06-01',
          }),
        ],
        events: [
          {
            subject_id: 'D1',
            event_date: '2001-01-01',
            kind: 'superstrike',
            code_section: 'PC 187',
            citation: 'PC 667(e)(2)(C)(iv)',
          },
          {
            subject_id: 'D1',
            event_date: '2012-01-01',
            kind: 'pc290c',
            code_section: 'PC 288',
            citation: 'PC 290(c)',
          },
        ],
      },
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      same_section_priors: '2',
      prior_superstrike: true,
      prior_superstrike_sections: ['PC 187'],
      prior_pc290: false,
      prior_pc290_sections: [],
    })
  })

  it('court-only convictions count as priors too (they are convictions, not accessories)', async () => {
    const at = (n: string, date: string) =>
      courtRecord({ court_case_number: n, disposition_date: date, offense_date: date })
    const rows = await counts([at('N1', '1995-01-01'), at('N2', '2000-01-01'), at('N3', '2009-01-01')], {
      subjects: [dojSubject()],
    })
    expect(rows.map((r) => [r.cnt_order, r.is_accessory, r.same_section_priors])).toEqual([
      ['COURT:1:000000001', false, '0'],
      ['COURT:1:000000002', false, '1'],
      ['COURT:1:000000003', false, '2'],
    ])
    // Two charges of one court case on one day are one conviction event: one prior, not two.
    const same = await counts([at('N1', '1995-01-01'), at('N1', '1995-01-01'), at('N3', '2009-01-01')], {
      subjects: [dojSubject()],
    })
    expect(same.map((r) => r.same_section_priors)).toEqual(['0', '0', '1'])
  })

  it('a PC 290 registration with no registrable conviction on record is unexplained', async () => {
    const [row] = await counts([courtRecord({ court_case_number: 'NEW-1' })], {
      subjects: [dojSubject({ pc290_registered: true, pc290_registration_date: '2001-01-01' })],
    })
    expect(row).toMatchObject({ pc290_registration_unexplained: true, prior_pc290: false })
  })

  it('a sentence still running on the as-of date', async () => {
    const rows = await counts([
      courtRecord({ ...doe, court_case_number: 'A', sentence: '20 YEARS', disposition_date: '2010-01-01' }),
      courtRecord({ ...doe, court_case_number: 'B', sentence: '90 DAYS', disposition_date: '2010-01-01' }),
    ])
    expect(rows.map((r) => r.sentence_running)).toEqual([true, false])
  })
})
