import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_by_year } from '../../../sql/marts/mart_relief_by_year.ts'

describe('mart_relief_by_year', () => {
  it('one row per year (and all) x outcome present; relief counts people once; related charges left out', async () => {
    const run = await runModel(mart_relief_by_year, {
      count_determinations: countDeterminations([
        countRow({ subject_id: 'A', conviction_year: 2015, determination: 'dismiss' }),
        countRow({ subject_id: 'A', conviction_year: 2015, determination: 'reduce' }),
        countRow({ subject_id: 'B', conviction_year: null, determination: 'review' }),
        countRow({ subject_id: 'C', conviction_year: 2015, determination: 'dismiss', is_related: true }),
      ]),
    })
    const rows = await run.rows<{
      conviction_year: string
      outcome: string
      counts: number
      people: number
    }>()
    run.close()
    const cell = (y: string, o: string) => rows.find((r) => r.conviction_year === y && r.outcome === o)
    expect(cell('2015', 'relief')).toMatchObject({ counts: 2, people: 1 })
    expect(cell('2015', 'dismiss')).toMatchObject({ counts: 1, people: 1 })
    expect(cell('unknown', 'review')).toMatchObject({ counts: 1, people: 1 })
    expect(cell('all', 'all')).toMatchObject({ counts: 3, people: 2 })
    expect(cell('2015', 'not_eligible')).toBeUndefined()
    const keys = rows.map((r) => `${r.conviction_year}|${r.outcome}`)
    expect(new Set(keys).size).toBe(keys.length)
    // 'all' first, then years; outcomes in vocabulary order within a year.
    expect(rows[0]!.conviction_year).toBe('all')
  })
})
