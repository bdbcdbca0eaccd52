import { describe, expect, it } from 'vitest'
import type { Cell } from '../../helpers/model-fixture.ts'
import {
  courtModelRows,
  courtRecord,
  dojConviction,
  dojSubject,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { court_statute_determinations } from '../../../sql/determinations/court_statute_determinations.ts'

type Row = Record<string, unknown>

const decide = (
  court: CourtRecord[],
  doj: { subjects?: Record<string, Cell>[]; convictions?: Record<string, Cell>[] } = {},
): Promise<Row[]> =>
  courtModelRows(court_statute_determinations, court, { doj, orderBy: 'file_index, record' })

const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01', county: 'FRESNO' }
const brief = (rows: Row[]) => rows.map((r) => [r.statute_determination, r.statute_rule_id, r.statute_remedy])

describe('court_statute_determinations', () => {
  it('a felony the DOJ cannot vouch for is review (CRT-DATA-01); the same felony of a DOJ person with a clean record is reduced', async () => {
    const unknown = await decide([courtRecord({ ...doe, court_case_number: 'GC-1' })])
    expect(brief(unknown)).toEqual([['review', 'CRT-DATA-01', 'review']])
    const known = await decide([courtRecord({ court_case_number: 'NEW-1' })], { subjects: [dojSubject()] })
    expect(brief(known)).toEqual([['reduce', 'P64-FEL-REDUCE', 'redesignate']])
  })

  it('a reduction asks for the level of the rule that decided it: a felony at 34 becomes a misdemeanor (HS 11359(b))', async () => {
    // The court list ranks its own rule (CRT-DATA-01) among the statute's, so a level looked up by rank in the
    // statute's list named the next rule's (P64-MINOR-REDUCE: an infraction).
    const [felony] = await decide([courtRecord({ court_case_number: 'NEW-1' })], { subjects: [dojSubject()] })
    expect(felony).toMatchObject({
      statute_rule_id: 'P64-FEL-REDUCE',
      age_at_offense: '34',
      statute_reduced_level: 'misdemeanor',
    })
    // Under 18 at the offense, the same felony is an infraction (the level P64-FEL-REDUCE gives a minor).
    const [minor] = await decide(
      [courtRecord({ court_case_number: 'NEW-2', dob: '1988-06-01', offense_date: '2005-01-01' })],
      { subjects: [dojSubject({ dob: '1988-06-01' })] },
    )
    expect(minor).toMatchObject({ statute_rule_id: 'P64-FEL-REDUCE', statute_reduced_level: 'infraction' })
  })

  it('a known person with two earlier same-section felonies is review (P64-DQ-03), never reduced', async () => {
    const rows = await decide(
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
          dojConviction({ cnt_order: '001001001000', conviction_date: '1995-01-01' }),
          dojConviction({ cnt_order: '002001001000', conviction_date: '2000-01-01' }),
        ],
      },
    )
    expect(brief(rows)).toEqual([['review', 'P64-DQ-03', 'review']])
    expect(rows[0]!.statute_rule_trail).toBe('P64-DQ-03 > P64-FEL-REDUCE > P64-REVIEW-99')
  })

  it('the age tiers read the court DOB: HS 11357(b) at 30 is dismissed; without a DOB it is review', async () => {
    const rows = await decide([
      courtRecord({
        ...doe,
        court_case_number: 'A',
        charge_section: '11357(B) HS',
        charge_level: 'M',
        offense_date: '1990-01-01',
        disposition_date: '1990-05-05',
      }),
      courtRecord({
        ...doe,
        court_case_number: 'B',
        dob: '',
        defendant_name: 'NO,DOB',
        charge_section: '11357(B) HS',
        charge_level: 'M',
      }),
      courtRecord({
        ...doe,
        court_case_number: 'C',
        charge_section: '11357(B) HS',
        charge_level: 'M',
        offense_date: '1979-01-01',
        disposition_date: '1979-05-05',
      }),
    ])
    expect(brief(rows)).toEqual([
      ['dismiss', 'P64-11357B-01', 'dismiss_and_seal'],
      ['review', 'P64-DATA-02', 'review'],
      ['reduce', 'P64-11357-UNDER21', 'redesignate'],
    ])
    expect(rows.map((r) => r.age_at_offense)).toEqual(['30', null, '19'])
  })

  it('relief on a running sentence is recall and resentence', async () => {
    const rows = await decide([
      courtRecord({
        ...doe,
        court_case_number: 'A',
        charge_section: '11357(B) HS',
        charge_level: 'M',
        disposition_date: '2015-01-01',
        offense_date: '2014-06-01',
        sentence: '20 YEARS',
      }),
    ])
    expect(brief(rows)).toEqual([['dismiss', 'P64-11357B-01', 'recall_and_resentence']])
  })

  it('scope and time rules come first: after AUMA, attempt, HS 11362.x, level unknown', async () => {
    const rows = await decide([
      courtRecord({
        ...doe,
        court_case_number: 'A',
        offense_date: '2017-01-01',
        disposition_date: '2017-05-01',
      }),
      courtRecord({ ...doe, court_case_number: 'B', charge_section: '664/11359 HS' }),
      courtRecord({ ...doe, court_case_number: 'C', charge_section: 'HS 11362.3', charge_level: 'I' }),
      courtRecord({ ...doe, court_case_number: 'D', charge_section: '11357(B) HS', charge_level: '' }),
    ])
    expect(rows.map((r) => [r.statute_determination, r.statute_rule_id])).toEqual([
      ['not_eligible', 'P64-TIME-01'],
      ['review', 'P64-SCOPE-03'],
      ['review', 'P64-SCOPE-04'],
      ['review', 'P64-DATA-03'],
    ])
  })

  it('one row per court-only conviction, each with one outcome, its citation and reason, and a trail that starts with it', async () => {
    const rows = await decide([
      courtRecord({ ...doe, court_case_number: 'A' }),
      courtRecord({ ...doe, court_case_number: 'A', charge_section: '11360(B) HS', charge_level: 'M' }),
      courtRecord({ ...doe, court_case_number: 'B', charge_section: '11358 HS', charge_level: 'M' }),
    ])
    expect(new Set(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).size).toBe(3)
    for (const r of rows) {
      expect(['dismiss', 'reduce', 'review', 'not_eligible']).toContain(r.statute_determination)
      expect(court_statute_determinations.ruleIds).toContain(r.statute_rule_id)
      expect(String(r.statute_rule_trail).split(' > ')[0]).toBe(r.statute_rule_id)
      expect(r.statute_citation).toMatch(/HS/)
      expect(r.statute_reason).toBeTruthy()
    }
  })
})
