import { describe, expect, it } from 'vitest'
import {
  courtModelRows,
  courtRecord,
  DOE_POSSESSION_1990,
  JANE_DOE,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { court_only_determinations } from '../../../sql/determinations/court_only_determinations.ts'

type Row = Record<string, unknown>

const decide = (policy: string, court: CourtRecord[]): Promise<Row[]> =>
  courtModelRows(court_only_determinations, court, { policy, orderBy: 'file_index, record' })

const doe = JANE_DOE

describe('court_only_determinations', () => {
  it('one row per court-only conviction: the court line, the person, and the statute decision as text', async () => {
    const rows = await decide('statute', [
      courtRecord({
        ...doe,
        court_case_number: 'GC-1',
        line: 4,
        sentence: '90 DAYS JAIL',
        disposition_date: '2001-05-05',
        offense_date: '2001-01-01',
      }),
      courtRecord(DOE_POSSESSION_1990),
    ])
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      court_file: 'court1.csv',
      court_line: '4',
      county: 'FRESNO',
      court: 'SUPERIOR COURT FRESNO',
      court_case_number: 'GC-1',
      defendant_name: 'Doe, Jane',
      dob: '1960-01-01',
      doj_history_known: false,
      case_known_to_doj: false,
      conviction_date: '2001-05-05',
      offense_date: '2001-01-01',
      sentence_end_date: '2001-08-03',
      code_section: 'HS 11359',
      conviction_level: 'felony',
      statute_determination: 'review',
      determination: 'review',
      layer: 'statute',
      rule_id: 'CRT-DATA-01',
      statute_rule_id: 'CRT-DATA-01',
      remedy: 'review',
      conviction_year: '2001',
      policy: 'statute',
    })
    expect(rows[0]!.rule_trail).toMatch(/^CRT-DATA-01 > /)
    expect(rows[0]!.citation).toMatch(/HS 11358/)
    expect(rows[1]).toMatchObject({
      determination: 'dismiss',
      rule_id: 'P64-11357B-01',
      remedy: 'dismiss_and_seal',
      age_at_offense: '30',
    })
    expect(rows[0]!.subject_id).toBe(rows[1]!.subject_id)
  })

  it("where a DA policy changed the outcome, rule, citation, reason and remedy are the policy's", async () => {
    const [row] = await decide('san-joaquin-2019', [
      courtRecord({ ...doe, court_case_number: 'GC-1', disposition_date: '2001-05-05' }),
    ])
    expect(row).toMatchObject({
      statute_determination: 'review',
      statute_rule_id: 'CRT-DATA-01',
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-DISMISS-CRIME-FREE',
      remedy: 'dismiss_and_seal',
      policy: 'san-joaquin-2019',
    })
    expect(row!.citation).toMatch(/San Joaquin/)
    expect(row!.reason).toMatch(/Statute alone: review by CRT-DATA-01/)
  })
})
