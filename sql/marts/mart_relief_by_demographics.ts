import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { mart_relief_population } from './mart_relief_population.ts'
import { PROP64_COUNTS, outcomeCells, outcomeOrder } from './mart_relief_outcomes.ts'

/**
 * Relief by race and ethnicity (DOJ code mapped to Census groups), gender and age band at conviction: the
 * three-way table plus each one-way margin and the total. Race and gender belong to the person; the age band
 * belongs to the count (a person convicted at 20 and at 30 is in two bands). `adults` is the 2020 Census
 * population 18+ of the group in the counties of the run, on the race margin and the total only: the
 * reference table has no population by gender or age band.
 */
export const mart_relief_by_demographics: Model = {
  name: 'mart_relief_by_demographics',
  layer: 'mart',
  materialized: 'table',
  grain: "one row per race group x gender x age band (each possibly 'all') x outcome, where counts exist",
  sql: () => sql`
with labelled as (${PROP64_COUNTS}),
agg as (
  select race_group, gender, age_band, outcome, counts, people
  from (${raw(
    outcomeCells({
      from: 'labelled',
      sets: [['race_group', 'gender', 'age_band'], ['race_group'], ['gender'], ['age_band'], []],
    }),
  )})
)
select a.*, p.adults
from agg a
left join ${ref(mart_relief_population)} p
  on p.population_group = a.race_group and a.gender = 'all' and a.age_band = 'all'
order by a.race_group = 'all' desc, a.race_group, a.gender = 'all' desc, a.gender, a.age_band = 'all' desc,
  a.age_band, ${raw(outcomeOrder('a.outcome'))}`,
}
