import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_counties } from '../../../sql/seeds/reference_tables.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_summary_convictions } from '../../../sql/marts/mart_summary_convictions.ts'

describe('mart_summary_convictions', () => {
  it('statewide and per county cells by determination and remedy, people distinct per cell', async () => {
    const run = await runModel(
      mart_summary_convictions,
      {
        count_determinations: countDeterminations([
          countRow({ subject_id: 'A', county: 'ALAMEDA' }),
          countRow({ subject_id: 'A', county: 'FRESNO' }),
          countRow({ subject_id: 'B', county: 'FRESNO', determination: 'reduce', remedy: 'redesignate' }),
        ]),
      },
      { seeds: [ref_counties] },
    )
    const rows = await run.rows<Record<string, string | number | boolean | null>>()
    run.close()
    const cell = (statewide: boolean, county: string | null, dim: string, value: string) =>
      rows.filter(
        (r) => r.statewide === statewide && r.county === county && r.dim === dim && r.value === value,
      )
    expect(cell(true, null, 'all', 'all')).toEqual([expect.objectContaining({ convictions: 3, people: 2 })])
    expect(cell(false, 'FRESNO', 'all', 'all')).toEqual([
      expect.objectContaining({ convictions: 2, people: 2 }),
    ])
    expect(cell(true, null, 'determination', 'dismiss')).toEqual([
      expect.objectContaining({ convictions: 2, people: 1 }),
    ])
    expect(cell(false, 'FRESNO', 'relief', 'redesignate')).toEqual([
      expect.objectContaining({ convictions: 1, people: 1 }),
    ])
    const keys = rows.map((r) => `${r.statewide}|${r.county}|${r.dim}|${r.value}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
