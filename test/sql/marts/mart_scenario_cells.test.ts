import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_scenario_cells } from '../../../sql/marts/mart_scenario_cells.ts'

describe('mart_scenario_cells', () => {
  it('one row per combination of dimensions, convictions and distinct people; related charges apart', async () => {
    const run = await runModel(
      mart_scenario_cells,
      {
        count_determinations: countDeterminations([
          countRow({ subject_id: 'A', age_at_conviction: 19 }),
          countRow({ subject_id: 'A', age_at_conviction: 19 }),
          countRow({ subject_id: 'A', age_at_conviction: 19, is_related: true, layer: 'policy' }),
          countRow({ subject_id: 'B', county: null, gender: null, age_at_conviction: null }),
        ]),
      },
      { seeds: [ref_counties] },
    )
    const rows = await run.rows<Record<string, string | number>>('charge_kind, county')
    run.close()
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({ charge_kind: 'prop64', county: 'ALAMEDA', age_band: '18-20' })
    expect(Number(rows[0]!.convictions)).toBe(2)
    expect(Number(rows[0]!.people)).toBe(1)
    expect(rows[1]).toMatchObject({
      charge_kind: 'prop64',
      county: 'Unknown county',
      gender: 'unknown',
      age_band: 'unknown',
    })
    expect(rows[2]).toMatchObject({ charge_kind: 'related', layer: 'policy' })
  })
})
