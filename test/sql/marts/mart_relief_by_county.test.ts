import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_by_county } from '../../../sql/marts/mart_relief_by_county.ts'
import { mart_relief_population } from '../../../sql/marts/mart_relief_population.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_counties, ref_county_population } from '../../../sql/seeds/reference_tables.ts'

const SEEDS = [run_params, ref_counties, ref_county_population]

describe('mart_relief_by_county', () => {
  it('every county x six outcomes (zeros included), all first, rate per 100k residents', async () => {
    const run = await runModel(
      mart_relief_by_county,
      {
        count_determinations: countDeterminations([
          countRow({ subject_id: 'A', county: 'ALPINE' }),
          countRow({ subject_id: 'A', county: 'ALPINE', determination: 'reduce' }),
          countRow({ subject_id: 'B', county: 'NOT A COUNTY', determination: 'review' }),
        ]),
      },
      { seeds: SEEDS, also: [mart_relief_population] },
    )
    const rows = await run.rows<Record<string, string | number | null>>()
    run.close()
    // 58 counties + the unknown one + 'all', six outcomes each.
    expect(rows).toHaveLength(60 * 6)
    expect(rows[0]).toMatchObject({ county: 'all', outcome: 'dismiss' })
    const cell = (c: string, o: string) => rows.find((r) => r.county === c && r.outcome === o)!
    expect(cell('ALPINE', 'relief')).toMatchObject({ counts: 2, people: 1, residents: 1204 })
    expect(cell('ALPINE', 'relief').counts_per_100k).toBeCloseTo((2 * 100000) / 1204, 2)
    expect(cell('ALAMEDA', 'all')).toMatchObject({ counts: 0, people: 0 })
    // A county name not among the 58 is published as 'Unknown county', never as typed.
    expect(cell('Unknown county', 'review')).toMatchObject({ counts: 1, county_code: null, residents: null })
    expect(rows.some((r) => r.county === 'NOT A COUNTY')).toBe(false)
    expect(cell('all', 'all')).toMatchObject({ counts: 3, people: 2 })
  })

  it('a --county run lists only its county (and all)', async () => {
    const run = await runModel(
      mart_relief_by_county,
      { count_determinations: countDeterminations([countRow({ county: 'ALPINE' })]) },
      { seeds: SEEDS, also: [mart_relief_population], ctx: { county: 'ALPINE' } },
    )
    const rows = await run.rows<Record<string, string>>()
    run.close()
    expect([...new Set(rows.map((r) => r.county))]).toEqual(['all', 'ALPINE'])
  })
})
