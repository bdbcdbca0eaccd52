/**
 * The tidy comparison table: one row per scenario × county × code section × level × determination × layer ×
 * race group × gender × age band, with convictions (rows) and people (distinct subjects) in each cell.
 */
import { lit } from '../../sql/helpers/quote.ts'
import { ageBand } from '../../sql/helpers/sql-fragments.ts'

export const COMPARE_TABLE = 'compare_counts'

export const CREATE_COMPARE_TABLE = `create or replace table ${COMPARE_TABLE} (
  scenario varchar, scenario_order integer, charge_kind varchar, county varchar, code_section varchar,
  conviction_level varchar, determination varchar, layer varchar, race_group varchar, gender varchar,
  age_band varchar, convictions bigint, people bigint
)`

/** Appends the current count_determinations, labelled with the scenario. */
export function insertScenario(scenario: string, order: number): string {
  return `insert into ${COMPARE_TABLE}
select
  ${lit(scenario)}, ${order},
  case when is_related then 'related' else 'prop64' end as charge_kind,
  coalesce(county, 'UNKNOWN') as county,
  coalesce(code_section, 'unknown') as code_section,
  coalesce(conviction_level, 'unknown') as conviction_level,
  determination,
  layer,
  race_group,
  coalesce(gender, 'unknown') as gender,
  ${ageBand('age_at_conviction')} as age_band,
  count(*) as convictions,
  count(distinct subject_id) as people
from count_determinations
group by all`
}

export const COMPARE_SELECT = `select * exclude (scenario_order) from ${COMPARE_TABLE}
order by scenario_order, county, code_section, conviction_level, determination, layer, race_group, gender, age_band, charge_kind`
