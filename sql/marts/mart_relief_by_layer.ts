import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw } from '../helpers/model-sql.ts'
import { LABELLED_COUNTS, dim, outcomeOrder, outcomeRows } from './mart_relief_outcomes.ts'

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
with labelled as (${LABELLED_COUNTS}),
both_layers as (
  select *, 'statute' as layer, statute_determination as layer_determination from labelled
  union all
  select *, 'final' as layer, determination as layer_determination from labelled
),
outcomes as (${raw(outcomeRows('layer_determination', 'both_layers'))})
select layer, charge_kind, ${raw(dim('race_group'))}, ${raw(dim('gender'))}, ${raw(dim('age_band'))}, outcome,
  count(*)::int as counts, count(distinct subject_id)::int as people
from outcomes
group by grouping sets ((layer, charge_kind, race_group, outcome), (layer, charge_kind, gender, outcome),
  (layer, charge_kind, age_band, outcome), (layer, charge_kind, outcome))
order by layer desc, charge_kind desc, race_group = 'all' desc, race_group, gender = 'all' desc, gender, age_band = 'all' desc,
  age_band, ${raw(outcomeOrder())}`,
}
