import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { countDeterminations, countRow } from '../../helpers/count-determinations-fixture.ts'
import { mart_relief_by_layer } from '../../../sql/marts/mart_relief_by_layer.ts'

describe('mart_relief_by_layer', () => {
  it('statute and final outcomes side by side, related charges as their own charge kind', async () => {
    const run = await runModel(mart_relief_by_layer, {
      count_determinations: countDeterminations([
        countRow({
          subject_id: 'A',
          statute_determination: 'review',
          determination: 'dismiss',
          layer: 'policy',
        }),
        countRow({
          subject_id: 'B',
          statute_determination: 'not_eligible',
          determination: 'dismiss',
          is_related: true,
        }),
      ]),
    })
    const rows = await run.rows<Record<string, string | number>>()
    run.close()
    const total = (layer: string, kind: string, o: string) =>
      rows.find(
        (r) =>
          r.layer === layer &&
          r.charge_kind === kind &&
          r.race_group === 'all' &&
          r.gender === 'all' &&
          r.age_band === 'all' &&
          r.outcome === o,
      )
    expect(total('statute', 'prop64', 'review')).toMatchObject({ counts: 1 })
    expect(total('statute', 'prop64', 'relief')).toBeUndefined()
    expect(total('final', 'prop64', 'relief')).toMatchObject({ counts: 1, people: 1 })
    expect(total('statute', 'related', 'not_eligible')).toMatchObject({ counts: 1 })
    expect(total('final', 'related', 'dismiss')).toMatchObject({ counts: 1 })
    expect(rows[0]).toMatchObject({ layer: 'statute', charge_kind: 'related' })
  })
})
