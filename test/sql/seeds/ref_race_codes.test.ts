/**
 * ref_race_codes: DOJ race code letters mapped to the Census groups of the population table, so disparity rates
 * divide like by like.
 */
import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { ref_race_codes } from '../../../sql/seeds/reference_tables.ts'

describe('ref_race_codes', () => {
  it('one row per letter, each mapped to a population group the population table has (or unknown)', async () => {
    const run = await runModel(ref_race_codes, {})
    const rows = await run.rows<{ race_code: string; description: string; population_group: string }>(
      'race_code',
    )
    run.close()
    expect(Object.keys(rows[0]!)).toEqual(['race_code', 'description', 'population_group'])
    expect(rows).toHaveLength(19)
    expect(new Set(rows.map((r) => r.race_code)).size).toBe(rows.length)
    for (const r of rows) expect(r.race_code).toMatch(/^[A-Z]$/)
    const group = Object.fromEntries(rows.map((r) => [r.race_code, r.population_group]))
    expect(group).toMatchObject({
      H: 'hispanic',
      W: 'white_nh',
      B: 'black_nh',
      C: 'asian_nh',
      V: 'asian_nh',
      I: 'other_nh',
      P: 'other_nh',
      X: 'unknown',
    })
    expect(new Set(Object.values(group))).toEqual(
      new Set(['hispanic', 'white_nh', 'black_nh', 'asian_nh', 'other_nh', 'unknown']),
    )
  })
})
