/**
 * count_determinations rows for mart tests: every column with its type, a plausible dismissed count by default,
 * so a case names only what it is about.
 */
import type { Cell, FixtureTable } from './model-fixture.ts'

export const COUNT_DETERMINATION_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  county: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  conviction_date: 'varchar',
  code_section: 'varchar',
  conviction_level: 'varchar',
  statute_determination: 'varchar',
  determination: 'varchar',
  layer: 'varchar',
  rule_id: 'varchar',
  citation: 'varchar',
  reason: 'varchar',
  remedy: 'varchar',
  statute_rule_id: 'varchar',
  rule_trail: 'varchar',
  offense_date: 'varchar',
  age_at_offense: 'bigint',
  sentence_end_date: 'varchar',
  same_section_priors: 'bigint',
  prior_superstrike_sections: 'varchar',
  prior_pc290_sections: 'varchar',
  prior_pc290_registration: 'boolean',
  deceased: 'boolean',
  gender: 'varchar',
  race_code: 'varchar',
  race_group: 'varchar',
  age_at_conviction: 'bigint',
  conviction_year: 'bigint',
  policy: 'varchar',
  is_related: 'boolean',
  reduced_level: 'varchar',
  qualifiers: 'varchar',
  charged_code_section: 'varchar',
  age_source: 'varchar',
}

let next = 0

/** One count: dismissed by the statute in ALAMEDA, 2015, HS 11357(B) misdemeanor, unless overridden. */
export function countRow(over: Record<string, Cell> = {}): Record<string, Cell> {
  next += 1
  return {
    subject_id: `S${next}`,
    cnt_order: `001001${String(next).padStart(3, '0')}`,
    county: 'ALAMEDA',
    court: 'ALAMEDA SUPERIOR',
    case_number: `CASE${next}`,
    conviction_date: '2015-06-01',
    code_section: 'HS 11357(B)',
    conviction_level: 'misdemeanor',
    statute_determination: 'dismiss',
    determination: 'dismiss',
    layer: 'statute',
    rule_id: 'P64-DISMISS-01',
    citation: 'HS 11361.8(e)',
    reason: 'Dismiss.',
    remedy: 'dismiss_and_seal',
    statute_rule_id: 'P64-DISMISS-01',
    rule_trail: 'P64-DISMISS-01',
    offense_date: '2015-01-01',
    age_at_offense: 30,
    sentence_end_date: '2015-06-01',
    same_section_priors: 0,
    prior_superstrike_sections: '',
    prior_pc290_sections: '',
    prior_pc290_registration: false,
    deceased: false,
    gender: 'M',
    race_code: 'W',
    race_group: 'white_nh',
    age_at_conviction: 30,
    conviction_year: 2015,
    policy: 'statute',
    is_related: false,
    reduced_level: null,
    qualifiers: null,
    charged_code_section: null,
    age_source: 'dob',
    ...over,
  }
}

export const countDeterminations = (rows: Record<string, Cell>[]): FixtureTable => ({
  columns: COUNT_DETERMINATION_COLUMNS,
  rows,
})
