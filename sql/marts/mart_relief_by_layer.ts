import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { LABELLED_COUNTS, outcomeCells } from './mart_relief_outcomes.ts'

/**
 * What the statute alone grants beside what the run finally decided (statute plus any DA policy), by race
 * group, gender and age band at conviction (one-way margins and the total). With the statute policy the two
 * layers are the same numbers. charge_kind 'related' rows are the non-Prop 64 convictions a policy reaches
 * (the statute layer never grants them anything).
 */
export const mart_relief_by_layer: Model = {
  name: 'mart_relief_by_layer',
  layer: 'mart',
  materialized: 'table',
  grain:
    "one row per layer (statute, final) x charge kind (prop64, related) x race group / gender / age band margin (or 'all') x outcome",
  sql: () => sql`
with labelled as (${LABELLED_COUNTS})
select layer, charge_kind, race_group, gender, age_band, outcome, counts, people
from (${raw(
    outcomeCells({
      from: 'labelled',
      by: ['charge_kind'],
      sets: [['race_group'], ['gender'], ['age_band'], []],
      layers: [
        { layer: 'statute', column: 'statute_determination' },
        { layer: 'final', column: 'determination' },
      ],
    }),
  )})
order by layer desc, charge_kind desc, race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc,
  age_band, outcome_ord`,
}
