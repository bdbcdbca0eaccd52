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
import { lit } from '../helpers/quote.ts'
import { OUTCOMES } from '../../data-contracts/determinations.ts'

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

/** What outcomeCells counts: the rows, the grouping sets of their dimensions, and the determination(s). */
export interface OutcomeCellsSpec {
  /** A relation (CTE name) with subject_id and the columns below. */
  from: string
  /** The grouping sets, each a list of dimension columns; the empty set is the total. */
  sets: string[][]
  /** Columns grouped in every set (charge_kind). */
  by?: string[]
  /** The determination column of each layer: one unnamed layer reading `determination` unless given. */
  layers?: { layer?: string; column: string }[]
}

const DETERMINATION_OUTCOMES = OUTCOMES.filter((o) => o !== 'relief' && o !== 'all')

/**
 * Every (grouping set cell x layer x outcome) with counts (rows) and people (distinct subject_id), for the cells
 * holding at least one row: the same rows as grouping `outcomeRows()` by the sets with count(*) and
 * count(distinct subject_id), computed without either. The rows are first grouped per person within each cell,
 * with the count of each outcome as a column, so a cell's people of an outcome are its persons whose count is
 * not zero; the (cell, outcome) rows are unnested from the few cells at the end. Tripling every row into
 * outcomes (and doubling it into layers) made each distinct count hash a million rows.
 *
 * Columns: `by`, each dimension ('all' where its set aggregated it away), g_<dimension> (1 there: for ordering),
 * layer (when named), outcome, outcome_ord, counts, people. Outcomes are the determination vocabulary.
 */
export function outcomeCells({
  from,
  sets,
  by = [],
  layers = [{ column: 'determination' }],
}: OutcomeCellsSpec): string {
  const dims = [...new Set(sets.flat())]
  const id = (...parts: string[]) => `"${parts.filter(Boolean).join('_')}"`
  const perPersonCounts = layers.flatMap(({ layer = '', column }) => [
    ...DETERMINATION_OUTCOMES.map(
      (o) => `count(*) filter (where ${column} = ${lit(o)}) as ${id('n', layer, o)}`,
    ),
    `count(*) filter (where ${isRelief(column)}) as ${id('n', layer, 'relief')}`,
  ])
  const cell = (layer: string, outcome: string) => {
    const n = outcome === 'all' ? id('n_all') : id('n', layer, outcome)
    const layerField = layer ? `layer: ${lit(layer)}, ` : ''
    return `{${layerField}outcome: ${lit(outcome)}, outcome_ord: ${OUTCOMES.indexOf(outcome as (typeof OUTCOMES)[number])}, counts: sum(${n})::int, people: (count(*) filter (where ${n} > 0))::int}`
  }
  const cells = layers.flatMap(({ layer = '' }) => OUTCOMES.map((o) => cell(layer, o)))
  const keys = [...by, ...dims, ...dims.map((d) => `g_${d}`)]
  return `
  select ${[...by, ...dims.map((d) => `case when g_${d} = 1 then 'all' else ${d} end as ${d}`), ...dims.map((d) => `g_${d}`)].join(', ')},
    ${layers.some((l) => l.layer) ? 'c.layer, ' : ''}c.outcome, c.outcome_ord, c.counts, c.people
  from (
    select ${keys.join(', ')}, unnest([${cells.join(',\n      ')}]) as c
    from (
      select ${[...by, ...dims, ...dims.map((d) => `grouping(${d}) as g_${d}`)].join(', ')},
        ${[...perPersonCounts, `count(*) as ${id('n_all')}`].join(',\n        ')}
      from ${from}
      group by grouping sets (${sets.map((s) => `(${[...by, ...s, 'subject_id'].join(', ')})`).join(', ')})
    ) per_person
    group by ${keys.join(', ')}
  ) cells
  where c.counts > 0`
}
