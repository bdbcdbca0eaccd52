import { sql } from 'kysely'
import type { Model } from '../model.ts'

/** The run's parameters as data, so no model reads current_date and every result says how it was obtained. */
export const run_params: Model = {
  name: 'run_params',
  layer: 'seed',
  materialized: 'table',
  grain: 'one row per run',
  sql: (ctx) =>
    sql`select ${sql.raw(`date '${ctx.asOf}'`)} as as_of_date, ${ctx.county === null ? sql`null` : sql.lit(ctx.county)}::varchar as county_filter, ${sql.lit(ctx.policyName)} as policy_name`,
}
