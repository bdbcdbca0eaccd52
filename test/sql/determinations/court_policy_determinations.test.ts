import { describe, expect, it } from 'vitest'
import type { Cell } from '../../helpers/model-fixture.ts'
import {
  courtModelRows,
  courtRecord,
  dojConviction,
  dojSubject,
  type CourtRecord,
} from '../../helpers/court-model-fixture.ts'
import { court_policy_determinations } from '../../../sql/determinations/court_policy_determinations.ts'

type Row = Record<string, unknown>

const decide = (
  policy: string,
  court: CourtRecord[],
  doj: { subjects?: Record<string, Cell>[]; convictions?: Record<string, Cell>[] } = {},
): Promise<Row[]> =>
  courtModelRows(court_policy_determinations, court, { doj, policy, orderBy: 'subject_id, cnt_order' })

const doe = { defendant_name: 'Doe, Jane', dob: '1960-01-01', county: 'FRESNO' }
const felony = courtRecord({
  ...doe,
  court_case_number: 'GC-1',
  disposition_date: '2001-05-05',
  offense_date: '2001-01-01',
})

describe('court_policy_determinations', () => {
  it('under the statute policy every count keeps the statute outcome, rule and remedy left to the statute', async () => {
    const rows = await decide('statute', [felony])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      determination: 'review',
      layer: 'statute',
      rule_id: null,
      reason: null,
      remedy: null,
      policy_outcome: null,
      policy_name: 'statute',
      is_related: false,
      policy_reach: true,
    })
  })

  it('a DA policy decides a count the statute left to review, and says what the statute alone gave', async () => {
    const rows = await decide('san-joaquin-2019', [felony])
    expect(rows[0]).toMatchObject({
      determination: 'dismiss',
      layer: 'policy',
      rule_id: 'DA-DISMISS-CRIME-FREE',
      remedy: 'dismiss_and_seal',
      policy_name: 'san-joaquin-2019',
      convictions_on_record: '1',
      age_at_conviction: '41',
    })
    expect(rows[0]!.reason).toMatch(/Statute alone: review by CRT-DATA-01; the policy decides it\.$/)
  })

  it('record-wide facts come from all the convictions of the person, DOJ ones included', async () => {
    const rows = await decide(
      'san-joaquin-2019',
      [
        courtRecord({
          court_case_number: 'NEW-1',
          disposition_date: '2001-05-05',
          offense_date: '2001-01-01',
        }),
      ],
      {
        subjects: [dojSubject()],
        convictions: [
          dojConviction({
            cnt_order: '001001001000',
            code_type: 'PC',
            section: '459',
            base_section: 'PC 459',
            conviction_date: '2023-01-01',
          }),
        ],
      },
    )
    // A 2023 conviction: not five years crime-free; two convictions: not the sole one. The statute's reduce stands.
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      determination: 'reduce',
      layer: 'statute',
      policy_outcome: null,
      convictions_on_record: '2',
      only_prop64: false,
    })
    expect(String(rows[0]!.last_conviction_date)).toBe('2023-01-01')
  })

  it('the policy does not reach a conviction after Prop 64 or a conspiracy; grain is one row per count', async () => {
    const rows = await decide('san-joaquin-2019', [
      courtRecord({
        ...doe,
        court_case_number: 'A',
        charge_level: 'M',
        offense_date: '2017-01-01',
        disposition_date: '2017-05-01',
      }),
      courtRecord({ ...doe, court_case_number: 'B', charge_section: '182/11359 HS', charge_level: 'M' }),
      courtRecord({ ...doe, court_case_number: 'C', charge_level: 'M' }),
    ])
    expect(rows.map((r) => [r.policy_reach, r.determination, r.layer])).toEqual([
      [false, 'not_eligible', 'statute'],
      [false, 'not_eligible', 'statute'],
      // A misdemeanor HS 11359 the statute leaves a misdemeanor: this DA dismisses it (a court-only count too).
      [true, 'dismiss', 'policy'],
    ])
    expect(new Set(rows.map((r) => `${r.subject_id}/${r.cnt_order}`)).size).toBe(rows.length)
  })
})
