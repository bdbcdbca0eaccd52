/**
 * The tidy comparison table: one row per scenario × county × code section × level × determination × layer ×
 * race group × gender × age band, with convictions (rows) and people (distinct subjects) in each cell: each
 * scenario's rows of mart_scenario_cells, labelled.
 */
import { lit } from '../../sql/helpers/quote.ts'

export const COMPARE_TABLE = 'compare_counts'

export const CREATE_COMPARE_TABLE = `create or replace table ${COMPARE_TABLE} (
  scenario varchar, scenario_order integer, charge_kind varchar, county varchar, code_section varchar,
  conviction_level varchar, determination varchar, layer varchar, race_group varchar, gender varchar,
  age_band varchar, convictions bigint, people bigint
)`

/** Appends the current scenario's cells (mart_scenario_cells), labelled with the scenario. */
export function insertScenario(scenario: string, order: number): string {
  return `insert into ${COMPARE_TABLE}
select ${lit(scenario)}, ${order}, * from mart_scenario_cells`
}

export const COMPARE_SELECT = `select * exclude (scenario_order) from ${COMPARE_TABLE}
order by scenario_order, county, code_section, conviction_level, determination, layer, race_group, gender, age_band, charge_kind`
