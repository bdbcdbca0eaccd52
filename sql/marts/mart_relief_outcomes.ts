/**
 * Shared SQL for the mart_relief_* models (not a model itself). Every breakdown is published per outcome:
 * the four determinations, plus 'relief' (dismiss or reduce) and 'all' (every in-scope count), each counted
 * directly so people are distinct within the cell (a person with a dismissed and a reduced count is one
 * person granted relief). Aggregated dimensions read 'all'; missing values read 'unknown'.
 */
import { sql } from 'kysely'
import { ageBand } from '../helpers/sql-fragments.ts'
import { raw, ref } from '../helpers/model-sql.ts'
import { count_determinations } from '../determinations/count_determinations.ts'
import { isRelief } from '../helpers/determinations.ts'

export { OUTCOME_VALUES, outcomeOrder } from '../helpers/determinations.ts'

/**
 * A related charge (a non-Prop 64 conviction a DA policy dismisses with the cycle) is flagged is_related in
 * count_determinations; the relief marts count Prop 64 convictions only and report related charges apart.
 */
export const IS_RELATED_CHARGE = `is_related`

/** count_determinations with the report's labels (a template: the reference to count_determinations is declared): null-safe dimensions and the person-level attributes. */
export const LABELLED_COUNTS = sql`
  select
    subject_id,
    case when ${raw(IS_RELATED_CHARGE)} then 'related' else 'prop64' end as charge_kind,
    coalesce(county, 'unknown') as county,
    coalesce(conviction_year::varchar, 'unknown') as conviction_year,
    coalesce(code_section, 'unknown') as code_section,
    coalesce(conviction_level, 'unknown') as conviction_level,
    coalesce(race_group, 'unknown') as race_group,
    case gender when 'M' then 'male' when 'F' then 'female' else 'unknown' end as gender,
    ${raw(ageBand('age_at_conviction'))} as age_band,
    statute_determination,
    determination
  from ${ref(count_determinations)}`

/** LABELLED_COUNTS without related charges: the Prop 64 convictions every relief mart counts. */
export const PROP64_COUNTS = sql`${LABELLED_COUNTS}
  where not coalesce(${raw(IS_RELATED_CHARGE)}, false)`

/**
 * Each labelled count once per outcome it belongs to (its determination, 'relief' when granted, 'all'),
 * reading the final determination or, with `column`, another one (statute_determination).
 */
export function outcomeRows(column = 'determination', from = 'labelled'): string {
  return `
  select *, ${column} as outcome from ${from}
  union all select *, 'relief' as outcome from ${from} where ${isRelief(column)}
  union all select *, 'all' as outcome from ${from}`
}

/** A grouped dimension: its value, or 'all' on the rows where GROUPING SETS aggregated it away. */
export const dim = (col: string): string =>
  `case when grouping(${col}) = 1 then 'all' else ${col} end as ${col}`
