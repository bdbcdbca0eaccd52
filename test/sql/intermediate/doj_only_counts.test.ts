import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel } from '../../helpers/model-fixture.ts'
import {
  COURT_SEEDS,
  courtIndex,
  courtRecord,
  dojCount,
  dojSubject,
  dojTables,
} from '../../helpers/court-model-fixture.ts'
import { stg_court_index_rows } from '../../../sql/staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from '../../../sql/intermediate/int_court_doj_pairs.ts'
import { doj_only_counts } from '../../../sql/intermediate/doj_only_counts.ts'

type Row = Record<string, string | null>

const PAIR_COLUMNS = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  matched_by: 'varchar',
  file_index: 'bigint',
  record: 'bigint',
}

describe('doj_only_counts', () => {
  it('lists the in-scope DOJ counts with no court case, with the count as the DOJ records it', async () => {
    const run = await runModel(doj_only_counts, {
      int_court_doj_pairs: {
        columns: PAIR_COLUMNS,
        rows: [
          {
            subject_id: '100',
            cnt_order: '001001001000',
            matched_by: 'case_number',
            file_index: 1,
            record: 1,
          },
          { subject_id: '200', cnt_order: '001001001000', matched_by: 'name_dob', file_index: 1, record: 2 },
          { subject_id: '300', cnt_order: '001001001000', matched_by: null },
          { subject_id: '300', cnt_order: '002001001000', matched_by: null },
        ],
      },
      ...dojTables({
        counts: [
          dojCount({ subject_id: '100' }),
          dojCount({ subject_id: '200' }),
          dojCount({
            subject_id: '300',
            case_number: '07CR888',
            section: '11358',
            conviction_date: '2007-07-07',
          }),
          dojCount({
            subject_id: '300',
            cnt_order: '002001001000',
            case_number: '09CR1',
            section: '11357',
            subsection: 'B',
            conviction_level: 'misdemeanor',
          }),
          // A count the pairs do not carry (outside a --county run) is not DOJ-only.
          dojCount({ subject_id: '500', county: 'FRESNO' }),
        ],
      }),
    })
    const rows = await run.rows<Row>('subject_id, cnt_order')
    run.close()
    expect(rows).toEqual([
      {
        county: 'ORANGE',
        court: 'CASC ORANGE',
        case_number: '07CR888',
        subject_id: '300',
        cnt_order: '001001001000',
        code_section: 'HS 11358',
        conviction_level: 'felony',
        conviction_date: '2007-07-07',
      },
      {
        county: 'ORANGE',
        court: 'CASC ORANGE',
        case_number: '09CR1',
        subject_id: '300',
        cnt_order: '002001001000',
        code_section: 'HS 11357(B)',
        conviction_level: 'misdemeanor',
        conviction_date: '2005-03-01',
      },
    ])
  })

  it('property: reconciliation balances; every DOJ count of the run is matched or DOJ-only, never both', async () => {
    const rec = fc.record({
      caseNo: fc.constantFrom('05CR1234', '5-CR-1234', 'BA555', ''),
      county: fc.constantFrom('ORANGE', 'FRESNO'),
      date: fc.constantFrom('2005-03-01', '2005-05-01', '2009-03-01'),
      person: fc.constantFrom(0, 1),
    })
    const people: [string, string][] = [
      ['GARCIA,MARIA', '1970-02-02'],
      ['LEE,KIM', '1980-08-08'],
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(rec, { maxLength: 5 }),
        fc.array(rec, { maxLength: 5 }),
        fc.constantFrom(null, 'ORANGE'),
        async (doj, court, county) => {
          const run = await runModel(
            doj_only_counts,
            {
              ...courtIndex(
                court.map((c) =>
                  courtRecord({
                    court_case_number: c.caseNo,
                    county: c.county,
                    disposition_date: c.date,
                    defendant_name: people[c.person]![0],
                    dob: people[c.person]![1],
                  }),
                ),
              ),
              ...dojTables({
                counts: doj.map((d, i) =>
                  dojCount({
                    subject_id: `D${d.person}`,
                    cnt_order: `00${i + 1}001001000`,
                    case_number: d.caseNo,
                    county: d.county,
                    conviction_date: d.date,
                  }),
                ),
                subjects: people.map(([name, dob], i) => dojSubject({ subject_id: `D${i}`, name, dob })),
              }),
            },
            { seeds: COURT_SEEDS, also: [stg_court_index_rows, int_court_doj_pairs], ctx: { county } },
          )
          const key = (r: Row) => `${r.subject_id}/${r.cnt_order}`
          const matched = (
            await run.db.rows<Row>('select * from int_court_doj_pairs where matched_by is not null')
          ).map(key)
          const only = (await run.rows<Row>()).map(key)
          run.close()
          const inRun = doj.flatMap((d, i) =>
            county === null || d.county === county ? [`D${d.person}/00${i + 1}001001000`] : [],
          )
          expect(new Set(only).size).toBe(only.length)
          expect(only.filter((k) => matched.includes(k))).toEqual([])
          expect([...matched, ...only].sort()).toEqual(inRun.sort())
        },
      ),
      { numRuns: 30 },
    )
  }, 120_000)
})
