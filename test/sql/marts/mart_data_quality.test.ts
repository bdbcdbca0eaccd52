import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { runModel, type Cell } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_data_quality } from '../../../sql/marts/mart_data_quality.ts'

interface Row {
  check: string
  item: string
  detail: string
  counts: number
  people: number
  first_date: string | null
  last_date: string | null
}

async function quality(counts: Record<string, Cell>[]): Promise<Row[]> {
  const run = await runModel(
    mart_data_quality,
    { count_determinations: countDeterminations(counts) },
    { seeds: [ref_counties] },
  )
  // As the model orders them: the report lists the rows in this order.
  const rows = await run.rows<Row>()
  run.close()
  return rows
}

const review = (rule_id: string, over: Record<string, Cell> = {}) =>
  countRow({ determination: 'review', remedy: 'review', rule_id, reason: `${rule_id} reason`, ...over })

const MISSING_ITEMS = ['age_at_conviction', 'conviction_date', 'county', 'gender', 'race_group']

describe('mart_data_quality', () => {
  it('review counts per rule and in all, the incomplete histories, each missing field, the date range, in report order', async () => {
    const rows = await quality([
      review('P64-DATA-04', {
        subject_id: 'A',
        statute_rule_id: 'P64-DATA-04',
        conviction_date: '2012-01-05',
      }),
      review('P64-DATA-04', {
        subject_id: 'A',
        statute_rule_id: 'P64-DATA-04',
        conviction_date: '2013-02-06',
      }),
      review('P64-REVIEW-02', { subject_id: 'B', reason: 'z later reason' }),
      review('P64-REVIEW-02', { subject_id: 'C', reason: 'a first reason' }),
      review('P64-REVIEW-03', { subject_id: 'C', conviction_date: null }),
      countRow({ subject_id: 'D', gender: 'X', race_group: null, conviction_date: '2019-12-31' }),
      countRow({ subject_id: 'D', gender: null, race_group: 'unknown', county: 'NARNIA' }),
      countRow({ subject_id: 'E', age_at_conviction: null, county: null, conviction_date: '2010-07-08' }),
      // A related charge (non-Prop 64 conviction a policy reaches) is no in-scope count: in no row.
      review('P64-SCOPE-01', {
        subject_id: 'F',
        statute_rule_id: 'P64-SCOPE-01',
        is_related: true,
        gender: null,
        conviction_date: '1990-01-01',
      }),
    ])
    const strip = (r: Row) => [r.check, r.item, r.counts, r.people]
    expect(rows.map(strip)).toEqual([
      ['review', 'all', 5, 3],
      ['review', 'P64-DATA-04', 2, 1],
      ['review', 'P64-REVIEW-02', 2, 2],
      ['review', 'P64-REVIEW-03', 1, 1],
      ['date_range', 'conviction_date', 7, 5],
      ['incomplete_history', 'P64-DATA-04', 2, 1],
      ['missing', 'county', 2, 2],
      ['missing', 'gender', 2, 1],
      ['missing', 'race_group', 2, 1],
      ['missing', 'age_at_conviction', 1, 1],
      ['missing', 'conviction_date', 1, 1],
    ])
    const row = (check: string, item: string) => rows.find((r) => r.check === check && r.item === item)!
    // A rule's detail is one of its reasons (the first in sort order): the same text every run.
    expect(row('review', 'P64-REVIEW-02').detail).toBe('a first reason')
    expect(row('review', 'all').detail).toBe('every count the rules could not decide')
    expect(row('date_range', 'conviction_date')).toMatchObject({
      first_date: '2010-07-08',
      last_date: '2019-12-31',
    })
    expect(rows.filter((r) => r.check !== 'date_range').every((r) => r.first_date === null)).toBe(true)
    const keys = rows.map((r) => `${r.check}|${r.item}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('a run with nothing to review has no review rows; the missing fields and the incomplete histories show zeros', async () => {
    const rows = await quality([countRow({ subject_id: 'A' }), countRow({ subject_id: 'B', gender: 'F' })])
    expect(rows.filter((r) => r.check === 'review')).toEqual([])
    expect(rows.find((r) => r.check === 'incomplete_history')).toMatchObject({ counts: 0, people: 0 })
    const missing = rows.filter((r) => r.check === 'missing')
    expect(missing.map((r) => r.item)).toEqual(MISSING_ITEMS)
    expect(missing.every((r) => r.counts === 0 && r.people === 0)).toBe(true)
    expect(rows.find((r) => r.check === 'date_range')).toMatchObject({
      counts: 2,
      people: 2,
      first_date: '2015-06-01',
      last_date: '2015-06-01',
    })
  })

  it('gender other than M or F, a race code outside the list and a county outside the 58 are missing; the 58 and M/F are not', async () => {
    const rows = await quality([
      countRow({ subject_id: 'A', gender: 'M', race_group: 'hispanic', county: 'LOS ANGELES' }),
      countRow({ subject_id: 'B', gender: 'F', race_group: 'black_nh', county: 'YUBA' }),
      countRow({ subject_id: 'C', gender: '', race_group: 'unknown', county: 'Los Angeles' }),
    ])
    const missing = Object.fromEntries(
      rows.filter((r) => r.check === 'missing').map((r) => [r.item, r.counts]),
    )
    expect(missing).toEqual({
      county: 1,
      gender: 1,
      race_group: 1,
      age_at_conviction: 0,
      conviction_date: 0,
    })
  })

  it('no counts at all: every check still has its row (missing, incomplete histories, date range), with zeros', async () => {
    const rows = await quality([])
    expect(rows.map((r) => [r.check, r.item, r.counts])).toEqual([
      ['date_range', 'conviction_date', 0],
      ['incomplete_history', 'P64-DATA-04', 0],
      ...MISSING_ITEMS.map((i) => ['missing', i, 0]),
    ])
    expect(rows[0]).toMatchObject({ first_date: null, last_date: null })
  })

  it('property: review "all" is the sum of its rules; dated and undated counts make up the in-scope counts', async () => {
    const count = fc.record({
      subject: fc.constantFrom('A', 'B', 'C', 'D'),
      rule: fc.constantFrom(null, 'P64-DATA-04', 'P64-REVIEW-02'),
      dated: fc.boolean(),
      related: fc.boolean(),
      gender: fc.constantFrom('M', 'F', 'X', null),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(count, { maxLength: 12 }), async (counts) => {
        const rows = await quality(
          counts.map((c) =>
            c.rule === null
              ? countRow({
                  subject_id: c.subject,
                  conviction_date: c.dated ? '2015-06-01' : null,
                  is_related: c.related,
                  gender: c.gender,
                })
              : review(c.rule, {
                  subject_id: c.subject,
                  statute_rule_id: c.rule,
                  conviction_date: c.dated ? '2015-06-01' : null,
                  is_related: c.related,
                  gender: c.gender,
                }),
          ),
        )
        const inScope = counts.filter((c) => !c.related)
        const get = (check: string, item: string) => rows.find((r) => r.check === check && r.item === item)
        const perRule = rows.filter((r) => r.check === 'review' && r.item !== 'all')
        expect(get('review', 'all')?.counts ?? 0).toBe(perRule.reduce((s, r) => s + r.counts, 0))
        expect(get('review', 'all')?.counts ?? 0).toBe(inScope.filter((c) => c.rule !== null).length)
        expect(get('date_range', 'conviction_date')!.counts + get('missing', 'conviction_date')!.counts).toBe(
          inScope.length,
        )
        expect(get('missing', 'gender')!.counts).toBe(
          inScope.filter((c) => c.gender !== 'M' && c.gender !== 'F').length,
        )
        for (const r of rows) expect(r.people).toBeLessThanOrEqual(r.counts)
        const keys = rows.map((r) => `${r.check}|${r.item}`)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      { numRuns: 15 },
    )
  })
})
