/**
 * Every model, in build order. The folder tree mirrors this list: seeds → sources → staging →
 * intermediate → determinations → marts.
 */
import type { Model } from './model.ts'
import { run_params } from './seeds/run_params.ts'
import {
  ref_counties,
  ref_county_population,
  ref_offense_codes,
  ref_pc290c_sections,
  ref_race_codes,
  ref_superstrike_sections,
} from './seeds/reference_tables.ts'
import { raw_doj_rows } from './sources/raw_doj_rows.ts'
import { stg_doj_rows } from './staging/stg_doj_rows.ts'
import { stg_charge_codes } from './staging/stg_charge_codes.ts'
import { ingest_rejects } from './staging/ingest_rejects.ts'
import { int_convictions } from './intermediate/int_convictions.ts'
import { int_subjects } from './intermediate/int_subjects.ts'
import { int_disqualifier_events } from './intermediate/int_disqualifier_events.ts'
import { int_incomplete_histories } from './intermediate/int_incomplete_histories.ts'
import { int_prop64_charges } from './intermediate/int_prop64_charges.ts'
import { int_prop64_counts } from './intermediate/int_prop64_counts.ts'
import { elig_statute_determinations } from './determinations/elig_statute_determinations.ts'
import { elig_policy_determinations } from './determinations/elig_policy_determinations.ts'
import { count_decisions } from './determinations/count_decisions.ts'
import { count_determinations } from './determinations/count_determinations.ts'
import { mart_relief_population } from './marts/mart_relief_population.ts'
import { mart_relief_by_county } from './marts/mart_relief_by_county.ts'
import { mart_relief_by_year } from './marts/mart_relief_by_year.ts'
import { mart_relief_by_offense } from './marts/mart_relief_by_offense.ts'
import { mart_relief_by_demographics } from './marts/mart_relief_by_demographics.ts'
import { mart_relief_by_layer } from './marts/mart_relief_by_layer.ts'
import { mart_data_quality } from './marts/mart_data_quality.ts'
import { mart_motion_cases } from './marts/mart_motion_cases.ts'
import { mart_summary_convictions } from './marts/mart_summary_convictions.ts'
import { mart_summary_people } from './marts/mart_summary_people.ts'
import { mart_explain_counts } from './marts/mart_explain_counts.ts'
import { mart_explain_subjects } from './marts/mart_explain_subjects.ts'
import { mart_scenario_cells } from './marts/mart_scenario_cells.ts'
import { mart_public_data_quality } from './marts/mart_public_data_quality.ts'
import { mart_doj_count_values } from './marts/mart_doj_count_values.ts'
import { mart_doj_subject_values } from './marts/mart_doj_subject_values.ts'

export const MODELS: readonly Model[] = [
  run_params,
  ref_counties,
  ref_superstrike_sections,
  ref_pc290c_sections,
  ref_race_codes,
  ref_county_population,
  ref_offense_codes,
  raw_doj_rows,
  stg_doj_rows,
  ingest_rejects,
  stg_charge_codes,
  int_convictions,
  int_subjects,
  int_disqualifier_events,
  int_incomplete_histories,
  int_prop64_charges,
  int_prop64_counts,
  elig_statute_determinations,
  elig_policy_determinations,
  count_decisions,
  count_determinations,
  mart_relief_population,
  mart_relief_by_county,
  mart_relief_by_year,
  mart_relief_by_offense,
  mart_relief_by_demographics,
  mart_relief_by_layer,
  mart_data_quality,
  mart_public_data_quality,
  mart_motion_cases,
  mart_summary_convictions,
  mart_summary_people,
  mart_explain_counts,
  mart_explain_subjects,
  mart_scenario_cells,
  mart_doj_count_values,
  mart_doj_subject_values,
]
