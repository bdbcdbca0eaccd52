import type { Model } from '../model.ts'
import { lit } from '../helpers/quote.ts'

/** The run's parameters as data, so no model reads current_date and every result says how it was obtained. */
export const run_params: Model = {
  name: 'run_params',
  layer: 'seed',
  materialized: 'table',
  grain: 'one row per run',
  dependsOn: [],
  sql: (ctx) =>
    `select date ${lit(ctx.asOf)} as as_of_date, ${ctx.county ? lit(ctx.county) : 'null'}::varchar as county_filter, ${lit(ctx.policyName)} as policy_name`,
}
