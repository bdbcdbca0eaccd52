/**
 * Hand-made rows of the two layers count_decisions joins: elig_statute_determinations (the statute's answer and the
 * count's facts) and elig_policy_determinations (the policy's answer; on related rows the charge's own facts too).
 */
import { runModel, type Cell, type ModelRun } from './model-fixture.ts'
import { STATUTE_RULES } from '../../sql/rules/statute/registry.ts'
import { count_decisions } from '../../sql/determinations/count_decisions.ts'
import { run_params } from '../../sql/seeds/run_params.ts'
import { ref_race_codes } from '../../sql/seeds/reference_tables.ts'
import type { Model, ModelContext } from '../../sql/model.ts'

/** The elig_statute_determinations columns count_decisions reads. */
export const STATUTE_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  county: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  conviction_date: 'date',
  code_section: 'varchar',
  charged_code_section: 'varchar',
  conviction_level: 'varchar',
  offense_date: 'date',
  sentence_end_date: 'date',
  dob: 'date',
  age_at_offense: 'bigint',
  age_source: 'varchar',
  deceased: 'boolean',
  gender: 'varchar',
  race_code: 'varchar',
  same_section_priors: 'bigint',
  prior_superstrike_sections: 'varchar[]',
  prior_pc290_sections: 'varchar[]',
  prior_pc290_registration: 'boolean',
  qualifier_text: 'varchar',
  statute_determination: 'varchar',
  statute_rule_id: 'varchar',
  statute_citation: 'varchar',
  statute_reason: 'varchar',
  statute_remedy: 'varchar',
  statute_reduced_level: 'varchar',
  statute_rule_trail: 'varchar',
  statute_rule_rank: 'integer',
  statute_reason_detail: 'varchar',
}

/** A statute rule's rank (1-based, its place in the registry) and the rule itself. */
export const rankOf = (id: string) => STATUTE_RULES.findIndex((r) => r.id === id) + 1
export const statuteRule = (id: string) => STATUTE_RULES[rankOf(id) - 1]!
/** The statute columns of a row decided by this rule, with the rules that held after it (its trail). */
export const decidedBy = (id: string, ...alsoHeld: string[]): Record<string, Cell> => ({
  statute_rule_id: id,
  statute_rule_rank: rankOf(id),
  statute_rule_trail: [id, ...alsoHeld].join(' > '),
})

/** elig_policy_determinations: the policy's answer, plus (on related rows only) the charge's own facts. */
export const POLICY_COLUMNS: Record<string, string> = {
  ...STATUTE_COLUMNS,
  is_related: 'boolean',
  determination: 'varchar',
  layer: 'varchar',
  rule_id: 'varchar',
  citation: 'varchar',
  reason: 'varchar',
  remedy: 'varchar',
  reduced_level: 'varchar',
  policy_name: 'varchar',
}

/** A statute row: HS 11357(B) misdemeanor at 30 in ALAMEDA, dismissed by P64-11357B-01. */
export function statuteRow(over: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    subject_id: 'A',
    cnt_order: '001001001',
    county: 'ALAMEDA',
    court: 'ALAMEDA SUPERIOR',
    case_number: 'CASE1',
    conviction_date: '2015-06-01',
    code_section: 'HS 11357(B)',
    charged_code_section: 'HS 11357(B)',
    conviction_level: 'misdemeanor',
    offense_date: '2015-01-01',
    sentence_end_date: '2015-07-01',
    dob: '1984-06-15',
    age_at_offense: 30,
    age_source: 'dob',
    deceased: false,
    gender: 'M',
    race_code: 'W',
    same_section_priors: 0,
    prior_superstrike_sections: { sql: '[]' },
    prior_pc290_sections: { sql: '[]' },
    prior_pc290_registration: false,
    qualifier_text: null,
    statute_determination: 'dismiss',
    // The statute layer's citation and reason, which count_decisions never reads: count_determinations writes them
    // out from the rule's rank.
    statute_citation: 'not read',
    statute_reason: 'not read',
    statute_remedy: 'dismiss_and_seal',
    statute_reduced_level: null,
    statute_reason_detail: null,
    ...decidedBy('P64-11357B-01', 'P64-REVIEW-99'),
    ...over,
  }
}

/** The policy row of a Prop 64 count: the statute outcome unchanged unless overridden (no facts of its own). */
export function policyRow(over: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    subject_id: 'A',
    cnt_order: '001001001',
    is_related: false,
    determination: 'dismiss',
    layer: 'statute',
    policy_name: 'some-policy',
    ...over,
  }
}

/** Builds count_decisions over these layer rows, then `model` (count_decisions itself, or a view over it). */
export async function runOverLayers(
  model: Model,
  statute: Record<string, Cell>[],
  policy: Record<string, Cell>[],
  ctx: Partial<ModelContext> = {},
): Promise<ModelRun> {
  const tables = {
    elig_statute_determinations: { columns: STATUTE_COLUMNS, rows: statute },
    elig_policy_determinations: { columns: POLICY_COLUMNS, rows: policy },
  }
  return runModel(model, tables, {
    seeds: [run_params, ref_race_codes],
    also: model === count_decisions ? [] : [count_decisions],
    ctx,
  })
}
