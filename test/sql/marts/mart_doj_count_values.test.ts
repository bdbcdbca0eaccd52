import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel } from '../../helpers/model-fixture.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_doj_count_values } from '../../../sql/marts/mart_doj_count_values.ts'
import { DETERMINATIONS, REMEDIES } from '../../../data-contracts/determinations.ts'

type Row = Record<string, string | null>

async function values(counts: ReturnType<typeof countRow>[], asOf = '2026-01-01'): Promise<Row[]> {
  const run = await runModel(
    mart_doj_count_values,
    { count_determinations: countDeterminations(counts) },
    { seeds: [run_params], ctx: { asOf } },
  )
  const rows = await run.rows<Row>('subject_id, cnt_order')
  run.close()
  return rows
}

describe('mart_doj_count_values', () => {
  it('the DOJ columns of each count: dates as YYYYMMDD, years to the as-of date, the decision as decided', async () => {
    const rows = await values([
      countRow({
        subject_id: 'A',
        cnt_order: '001',
        conviction_date: '2015-06-01',
        offense_date: '2015-01-01',
        determination: 'dismiss',
        reason: 'Possession under 28.5 g.',
        remedy: 'dismiss_and_seal',
        rule_id: 'P64-DISMISS-01',
        county: 'ALAMEDA',
      }),
      countRow({
        subject_id: 'A',
        cnt_order: '002',
        conviction_date: '2020-01-01',
        offense_date: '2019-05-05',
        conviction_level: 'felony',
        determination: 'reduce',
        reason: 'Cultivation: reduce.',
        remedy: 'redesignate',
        rule_id: 'P64-REDUCE-02',
        reduced_level: 'misdemeanor',
      }),
    ])
    expect(rows).toEqual([
      {
        county: 'ALAMEDA',
        subject_id: 'A',
        cnt_order: '001',
        occurred_after: 'false',
        superstrike_sections: null,
        pc290_sections: null,
        pc290_registration: 'false',
        conviction_date: '20150601',
        // 3867 days / 365.25
        years_since_this: '10.59',
        determination: 'dismiss',
        reason: 'Possession under 28.5 g.',
        remedy: 'dismiss_and_seal',
        rule_id: 'P64-DISMISS-01',
        reduced_level: null,
      },
      expect.objectContaining({
        cnt_order: '002',
        occurred_after: 'true',
        conviction_date: '20200101',
        // 2192 days / 365.25 = 6.0013…
        years_since_this: '6.00',
        determination: 'reduce',
        remedy: 'redesignate',
        rule_id: 'P64-REDUCE-02',
        reduced_level: 'misdemeanor',
      }),
    ])
  })

  it('OCCURRED_AFTER_2016_11_09: the offense date decides, the AUMA day itself is after, else the conviction date', async () => {
    const rows = await values([
      countRow({ subject_id: 'A', offense_date: '2016-11-08', conviction_date: '2017-03-01' }),
      countRow({ subject_id: 'B', offense_date: '2016-11-09', conviction_date: '2017-03-01' }),
      countRow({ subject_id: 'C', offense_date: null, conviction_date: '2016-11-09' }),
      countRow({ subject_id: 'D', offense_date: null, conviction_date: '2016-11-08' }),
      countRow({ subject_id: 'E', offense_date: null, conviction_date: null }),
    ])
    expect(rows.map((r) => [r.subject_id, r.occurred_after])).toEqual([
      ['A', 'false'],
      ['B', 'true'],
      ['C', 'true'],
      ['D', 'false'],
      ['E', null],
    ])
    // No conviction date: no date and no years written (never a made-up value).
    expect(rows[4]).toMatchObject({ conviction_date: null, years_since_this: null })
  })

  it("the disqualifiers weighed for the count: empty lists are blank, the registration flag is 'true'/'false'", async () => {
    const rows = await values([
      countRow({
        subject_id: 'A',
        prior_superstrike_sections: 'PC 187; PC 269',
        prior_pc290_sections: 'PC 288',
        prior_pc290_registration: true,
        determination: 'not_eligible',
        remedy: 'not_eligible',
        rule_id: 'P64-DQ-01',
      }),
      countRow({ subject_id: 'B', prior_superstrike_sections: '', prior_pc290_sections: '' }),
    ])
    expect(rows[0]).toMatchObject({
      superstrike_sections: 'PC 187; PC 269',
      pc290_sections: 'PC 288',
      pc290_registration: 'true',
      determination: 'not_eligible',
      remedy: 'not_eligible',
      rule_id: 'P64-DQ-01',
      reduced_level: null,
    })
    expect(rows[1]).toMatchObject({
      superstrike_sections: null,
      pc290_sections: null,
      pc290_registration: 'false',
    })
  })

  it('years since the conviction follow the run as-of date, not the clock', async () => {
    const [early] = await values([countRow({ conviction_date: '2015-06-01' })], '2016-06-01')
    // 366 days (2016 is a leap year) / 365.25
    expect(early.years_since_this).toBe('1.00')
    const [later] = await values([countRow({ conviction_date: '2015-06-01' })], '2025-06-01')
    // 3653 days / 365.25 = 10.0014…
    expect(later.years_since_this).toBe('10.00')
  })

  it('related charges and review counts keep their own values (REDUCED_LEVEL infraction too)', async () => {
    const rows = await values([
      countRow({
        subject_id: 'A',
        cnt_order: '001',
        determination: 'reduce',
        remedy: 'recall_and_resentence',
        reduced_level: 'infraction',
      }),
      countRow({
        subject_id: 'A',
        cnt_order: '002',
        code_section: 'PC 148',
        is_related: true,
        statute_rule_id: 'P64-SCOPE-01',
        layer: 'policy',
        rule_id: 'DA-RELATED-01',
      }),
      countRow({
        subject_id: 'A',
        cnt_order: '003',
        determination: 'review',
        remedy: 'review',
        rule_id: 'P64-DATA-04',
      }),
    ])
    expect(rows.map((r) => [r.cnt_order, r.determination, r.remedy, r.rule_id, r.reduced_level])).toEqual([
      ['001', 'reduce', 'recall_and_resentence', 'P64-DISMISS-01', 'infraction'],
      ['002', 'dismiss', 'dismiss_and_seal', 'DA-RELATED-01', null],
      ['003', 'review', 'review', 'P64-DATA-04', null],
    ])
  })

  it('property: one row per count of count_determinations, carrying its own determination and remedy', async () => {
    const count = fc.record({
      subject: fc.constantFrom('A', 'B', 'C'),
      determination: fc.constantFrom(...DETERMINATIONS),
      remedy: fc.constantFrom(...REMEDIES),
      day: fc.integer({ min: 0, max: 6000 }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(count, { maxLength: 12 }), async (counts) => {
        const input = counts.map((c, i) =>
          countRow({
            subject_id: c.subject,
            cnt_order: String(i).padStart(3, '0'),
            determination: c.determination,
            remedy: c.remedy,
            conviction_date: new Date(Date.UTC(2005, 0, 1) + c.day * 86_400_000).toISOString().slice(0, 10),
            offense_date: null,
          }),
        )
        const rows = await values(input)
        expect(rows).toHaveLength(input.length)
        const key = (r: Record<string, unknown>) => `${String(r.subject_id)}|${String(r.cnt_order)}`
        expect(new Set(rows.map(key)).size).toBe(rows.length)
        const byKey = new Map(input.map((r) => [key(r), r]))
        for (const r of rows) {
          const src = byKey.get(key(r))!
          expect([r.determination, r.remedy]).toEqual([src.determination, src.remedy])
          expect(r.conviction_date).toBe(String(src.conviction_date).replaceAll('-', ''))
          expect(r.occurred_after).toBe(String(String(src.conviction_date) >= '2016-11-09'))
        }
      }),
      { numRuns: 15 },
    )
  })
})
