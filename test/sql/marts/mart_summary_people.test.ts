import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_summary_people } from '../../../sql/marts/mart_summary_people.ts'
import { mart_summary_convictions } from '../../../sql/marts/mart_summary_convictions.ts'
import { DETERMINATIONS } from '../../../data-contracts/determinations.ts'

interface PeopleRow {
  statewide: boolean
  county: string | null
  people_in_scope: number
  affected: number
  left_with_no_felony: number
  left_with_no_conviction: number
  no_conviction_in_last_7_years: number
}

/** One conviction of the record; `determination` set when it is an in-scope count (a count_determinations row). */
interface Conviction {
  subject_id: string
  cnt_order: string
  level: 'felony' | 'misdemeanor'
  date: string | null
  county?: string | null
  determination?: string
}

async function build(record: Conviction[]) {
  const decided = record.filter((c) => c.determination !== undefined)
  return runModel(
    mart_summary_people,
    {
      count_determinations: countDeterminations(
        decided.map((c) =>
          countRow({
            subject_id: c.subject_id,
            cnt_order: c.cnt_order,
            county: c.county === undefined ? 'ALAMEDA' : c.county,
            conviction_level: c.level,
            conviction_date: c.date,
            determination: c.determination,
          }),
        ),
      ),
      int_convictions: {
        columns: {
          subject_id: 'varchar',
          cnt_order: 'varchar',
          conviction_level: 'varchar',
          conviction_date: 'date',
        },
        rows: record.map((c): Record<string, Cell> => ({
          subject_id: c.subject_id,
          cnt_order: c.cnt_order,
          conviction_level: c.level,
          conviction_date: c.date,
        })),
      },
    },
    { seeds: [run_params, ref_counties], also: [mart_summary_convictions] },
  )
}

const numbers = (r: PeopleRow) => [
  r.people_in_scope,
  r.affected,
  r.left_with_no_felony,
  r.left_with_no_conviction,
  r.no_conviction_in_last_7_years,
]

describe('mart_summary_people', () => {
  it('statewide and per county: each person once per cell, mixed outcomes, whole record after relief, 7-year window', async () => {
    // As of 2026-01-01: "the last 7 years" is (2019-01-01, 2026-01-01].
    const run = await build([
      // A: a reduced felony and a dismissed misdemeanor; an unrelated misdemeanor in 2022 stays.
      { subject_id: 'A', cnt_order: '1', level: 'felony', date: '2015-01-01', determination: 'reduce' },
      { subject_id: 'A', cnt_order: '2', level: 'misdemeanor', date: '2015-01-01', determination: 'dismiss' },
      { subject_id: 'A', cnt_order: '3', level: 'misdemeanor', date: '2022-01-01' },
      // B: only a felony under review: in scope, not affected.
      {
        subject_id: 'B',
        cnt_order: '1',
        level: 'felony',
        date: '2010-01-01',
        county: 'FRESNO',
        determination: 'review',
      },
      // C: relief in ALAMEDA, none in FRESNO; an unrelieved felony (burglary) elsewhere on the record.
      { subject_id: 'C', cnt_order: '1', level: 'misdemeanor', date: '2011-01-01', determination: 'dismiss' },
      {
        subject_id: 'C',
        cnt_order: '2',
        level: 'misdemeanor',
        date: '2012-01-01',
        county: 'FRESNO',
        determination: 'not_eligible',
      },
      { subject_id: 'C', cnt_order: '3', level: 'felony', date: '2012-01-01' },
      // D: a county outside the 58 is published as "Unknown county"; the only conviction is dismissed.
      {
        subject_id: 'D',
        cnt_order: '1',
        level: 'misdemeanor',
        date: '2012-01-01',
        county: 'NARNIA',
        determination: 'dismiss',
      },
      // E: the one felony is dismissed; an undated conviction may be recent.
      { subject_id: 'E', cnt_order: '1', level: 'felony', date: '2013-01-01', determination: 'dismiss' },
      { subject_id: 'E', cnt_order: '2', level: 'misdemeanor', date: null },
      // F, G, H: the window's edges: exactly 7 years before is outside, the day after inside, after as-of outside.
      { subject_id: 'F', cnt_order: '1', level: 'misdemeanor', date: '2010-01-01', determination: 'dismiss' },
      { subject_id: 'F', cnt_order: '2', level: 'misdemeanor', date: '2019-01-01' },
      { subject_id: 'G', cnt_order: '1', level: 'misdemeanor', date: '2010-01-01', determination: 'dismiss' },
      { subject_id: 'G', cnt_order: '2', level: 'misdemeanor', date: '2019-01-02' },
      { subject_id: 'H', cnt_order: '1', level: 'misdemeanor', date: '2010-01-01', determination: 'dismiss' },
      { subject_id: 'H', cnt_order: '2', level: 'misdemeanor', date: '2026-06-01' },
      // I: every conviction dismissed.
      { subject_id: 'I', cnt_order: '1', level: 'misdemeanor', date: '2012-01-01', determination: 'dismiss' },
      { subject_id: 'I', cnt_order: '2', level: 'misdemeanor', date: '2012-02-01', determination: 'dismiss' },
      // Z: no in-scope count: in no cell.
      { subject_id: 'Z', cnt_order: '1', level: 'felony', date: '2012-01-01' },
    ])
    const rows = await run.rows<PeopleRow>('statewide desc, county')
    run.close()
    expect(rows.map((r) => [r.statewide, r.county, ...numbers(r)])).toEqual([
      // in scope, affected, no felony left, no conviction left, none in 7 years
      [true, null, 9, 8, 2, 2, 5],
      [false, 'ALAMEDA', 7, 7, 2, 1, 4],
      [false, 'FRESNO', 2, 0, 0, 0, 0],
      [false, 'Unknown county', 1, 1, 0, 1, 1],
    ])
  })

  it('a felony left without relief (review) keeps the person from "no felony"; reduced and dismissed felonies both count as relieved', async () => {
    const run = await build([
      { subject_id: 'A', cnt_order: '1', level: 'felony', date: '2012-01-01', determination: 'dismiss' },
      { subject_id: 'A', cnt_order: '2', level: 'felony', date: '2012-01-01', determination: 'review' },
      { subject_id: 'B', cnt_order: '1', level: 'felony', date: '2012-01-01', determination: 'reduce' },
      { subject_id: 'B', cnt_order: '2', level: 'felony', date: '2012-01-01', determination: 'dismiss' },
    ])
    const [statewide] = await run.rows<PeopleRow>('statewide desc, county')
    run.close()
    expect(numbers(statewide)).toEqual([2, 2, 1, 0, 2])
  })

  it('property: people per cell never exceed the convictions behind it; the cells nest as their definitions say', async () => {
    const conviction = fc.record({
      subject_id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      level: fc.constantFrom<'felony' | 'misdemeanor'>('felony', 'misdemeanor'),
      date: fc.constantFrom(null, '2010-05-05', '2019-01-01', '2023-03-03'),
      county: fc.constantFrom('ALAMEDA', 'FRESNO', 'NARNIA', null),
      determination: fc.option(fc.constantFrom(...DETERMINATIONS), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(conviction, { maxLength: 12 }), async (convictions) => {
        const record = convictions.map((c, i) => ({ ...c, cnt_order: String(i) }))
        const run = await build(record)
        const people = await run.rows<PeopleRow>()
        const cells = await run.db.rows<{
          statewide: boolean
          county: string | null
          dim: string
          value: string
          convictions: number
          people: number
        }>('select * from mart_summary_convictions')
        run.close()
        const decided = record.filter((c) => c.determination !== undefined)
        const area = (r: { statewide: boolean; county: string | null }) => `${r.statewide}|${r.county}`
        // Grain: one row per area; the statewide row is always there (zeros when nobody is in scope).
        expect(new Set(people.map(area)).size).toBe(people.length)
        expect(people.filter((r) => r.statewide)).toHaveLength(1)
        for (const p of people) {
          const all = cells.find((c) => area(c) === area(p) && c.dim === 'all')!
          expect(p.people_in_scope).toBe(all.people)
          expect(p.people_in_scope).toBeLessThanOrEqual(all.convictions)
          const relief = cells
            .filter((c) => area(c) === area(p) && c.dim === 'determination')
            .filter((c) => c.value === 'dismiss' || c.value === 'reduce')
          expect(p.affected).toBeLessThanOrEqual(relief.reduce((s, c) => s + c.convictions, 0))
          expect(p.affected).toBeLessThanOrEqual(p.people_in_scope)
          for (const n of [p.left_with_no_felony, p.left_with_no_conviction, p.no_conviction_in_last_7_years])
            expect(n).toBeLessThanOrEqual(p.affected)
        }
        const statewide = people.find((r) => r.statewide)!
        expect(statewide.people_in_scope).toBe(new Set(decided.map((c) => c.subject_id)).size)
        const counties = people.filter((r) => !r.statewide)
        expect(statewide.people_in_scope).toBeLessThanOrEqual(
          counties.reduce((s, r) => s + r.people_in_scope, 0),
        )
      }),
      { numRuns: 10 },
    )
  })
})
