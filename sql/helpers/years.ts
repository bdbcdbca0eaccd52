import { sql } from 'kysely'
import { raw, ref, type SqlTemplate } from './model-sql.ts'
import { run_params } from '../seeds/run_params.ts'

/**
 * Years from a date to the run's as-of date, two decimals, as text: the YEARS_SINCE_* columns of the DOJ
 * result files, in the layout earlier tools used. A template, so the read of run_params is declared.
 */
export const yearsToAsOf = (from: string): SqlTemplate =>
  sql`cast(round(datediff('day', ${raw(from)}, (select as_of_date from ${ref(run_params)})) / 365.25, 2) as decimal(8, 2))::varchar`
