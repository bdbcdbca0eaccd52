import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_by_offense } from '../../../sql/marts/mart_relief_by_offense.ts'

describe('mart_relief_by_offense', () => {
  it('one row per section x level x outcome with both margins; missing values read unknown', async () => {
    const run = await runModel(mart_relief_by_offense, {
      count_determinations: countDeterminations([
        countRow({
          subject_id: 'A',
          code_section: 'HS 11359',
          conviction_level: 'felony',
          determination: 'reduce',
        }),
        countRow({ subject_id: 'B', code_section: 'HS 11359', conviction_level: 'misdemeanor' }),
        countRow({ subject_id: 'C', code_section: null, conviction_level: null, determination: 'review' }),
      ]),
    })
    const rows = await run.rows<Record<string, string | number>>()
    run.close()
    const cell = (s: string, l: string, o: string) =>
      rows.find((r) => r.code_section === s && r.conviction_level === l && r.outcome === o)
    expect(cell('HS 11359', 'all', 'relief')).toMatchObject({ counts: 2, people: 2 })
    expect(cell('HS 11359', 'felony', 'reduce')).toMatchObject({ counts: 1 })
    expect(cell('all', 'felony', 'all')).toMatchObject({ counts: 1 })
    expect(cell('unknown', 'unknown', 'review')).toMatchObject({ counts: 1 })
    expect(cell('all', 'all', 'all')).toMatchObject({ counts: 3, people: 3 })
    const keys = rows.map((r) => `${r.code_section}|${r.conviction_level}|${r.outcome}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
