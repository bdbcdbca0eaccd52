import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_population } from '../../../sql/marts/mart_relief_population.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_county_population } from '../../../sql/seeds/reference_tables.ts'

const SEEDS = [run_params, ref_county_population]

describe('mart_relief_population', () => {
  it('six population groups summed over the counties where the run found counts', async () => {
    const run = await runModel(
      mart_relief_population,
      {
        count_determinations: countDeterminations([
          countRow({ county: 'ALAMEDA' }),
          countRow({ county: 'ALPINE' }),
        ]),
      },
      { seeds: SEEDS },
    )
    const rows = await run.rows<Record<string, string | number>>()
    run.close()
    expect(rows.map((r) => r.population_group)).toEqual([
      'all',
      'hispanic',
      'white_nh',
      'black_nh',
      'asian_nh',
      'other_nh',
    ])
    // 2020 Census: Alameda 1,682,353 + Alpine 1,204 residents; adults 1,338,388 + 1,009.
    expect(rows[0]).toMatchObject({ counties: 2, residents: 1682353 + 1204, adults: 1338388 + 1009 })
    expect(rows[1]).toMatchObject({ residents: 393749 + 84 })
  })

  it('a --county run compares with that county even where it has no counts', async () => {
    const run = await runModel(
      mart_relief_population,
      { count_determinations: countDeterminations([]) },
      { seeds: SEEDS, ctx: { county: 'ALPINE' } },
    )
    const rows = await run.rows<Record<string, string | number>>()
    run.close()
    expect(rows[0]).toMatchObject({ counties: 1, residents: 1204, adults: 1009 })
  })
})
