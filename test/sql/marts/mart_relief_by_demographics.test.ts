import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_by_demographics } from '../../../sql/marts/mart_relief_by_demographics.ts'
import { mart_relief_population } from '../../../sql/marts/mart_relief_population.ts'
import { run_params } from '../../../sql/seeds/run_params.ts'
import { ref_county_population } from '../../../sql/seeds/reference_tables.ts'

describe('mart_relief_by_demographics', () => {
  it('three-way cells plus margins; adults only on race margins and the total; age band per count', async () => {
    const run = await runModel(
      mart_relief_by_demographics,
      {
        count_determinations: countDeterminations([
          countRow({
            subject_id: 'A',
            county: 'ALPINE',
            gender: 'F',
            race_group: 'hispanic',
            age_at_conviction: 20,
          }),
          countRow({
            subject_id: 'A',
            county: 'ALPINE',
            gender: 'F',
            race_group: 'hispanic',
            age_at_conviction: 30,
          }),
          countRow({
            subject_id: 'B',
            county: 'ALPINE',
            gender: 'X',
            race_group: null,
            age_at_conviction: 17,
          }),
        ]),
      },
      { seeds: [run_params, ref_county_population], also: [mart_relief_population] },
    )
    const rows = await run.rows<Record<string, string | number | null>>()
    run.close()
    const cell = (r: string, g: string, a: string, o: string) =>
      rows.find((x) => x.race_group === r && x.gender === g && x.age_band === a && x.outcome === o)
    expect(cell('hispanic', 'female', '18-20', 'dismiss')).toMatchObject({
      counts: 1,
      people: 1,
      adults: null,
    })
    expect(cell('hispanic', 'all', 'all', 'all')).toMatchObject({ counts: 2, people: 1, adults: 62 })
    expect(cell('all', 'unknown', 'all', 'all')).toMatchObject({ counts: 1, adults: null })
    expect(cell('all', 'all', 'under 18', 'all')).toMatchObject({ counts: 1 })
    expect(cell('all', 'all', 'all', 'all')).toMatchObject({ counts: 3, people: 2, adults: 1009 })
    const keys = rows.map((x) => `${x.race_group}|${x.gender}|${x.age_band}|${x.outcome}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
