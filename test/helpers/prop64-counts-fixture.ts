/**
 * int_prop64_counts rows for determination-model tests: only the columns elig_statute_determinations,
 * elig_policy_determinations and count_determinations read (sql/compiled/16_–18_*.sql), with a plausible
 * old-law count by default (HS 11357(B) misdemeanor at 30, 2015, which the statute dismisses), so a case names
 * only what it is about. `convictionOf` gives the int_convictions row of the same count, for the policy layer's
 * record-wide facts.
 */
import type { Cell, FixtureTable } from './model-fixture.ts'

export const PROP64_COUNT_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  cyc_order: 'varchar',
  county: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  code_type: 'varchar',
  section: 'varchar',
  subsection: 'varchar',
  base_section: 'varchar',
  code_section: 'varchar',
  charged_code_section: 'varchar',
  conviction_level: 'varchar',
  conviction_date: 'date',
  offense_date: 'date',
  sentence_end_date: 'date',
  sentence_running: 'boolean',
  offense_era: 'varchar',
  old_law_offense: 'boolean',
  charged_under_new_law: 'boolean',
  law_conflict: 'boolean',
  is_attempt: 'boolean',
  is_conspiracy: 'boolean',
  is_accessory: 'boolean',
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
  prior_superstrike: 'boolean',
  prior_pc290: 'boolean',
  pc290_registration_unexplained: 'boolean',
  qualifier_text: 'varchar',
  incomplete_history_lines: 'varchar',
}

let next = 0

/** "HS 11360(B)" -> the section parts int_prop64_counts carries. */
export function sectionParts(codeSection: string): Record<string, Cell> {
  const m = /^(\w+) ([\d.]+)(?:\((\w+)\))?/.exec(codeSection)
  if (!m) throw new Error(`not a code section: ${codeSection}`)
  return {
    code_section: codeSection,
    code_type: m[1],
    section: m[2],
    subsection: m[3] ?? null,
    base_section: `${m[1]} ${m[2]}`,
  }
}

/**
 * One count: HS 11357(B) misdemeanor in ALAMEDA, offense 2015-01-01 at 30, convicted 2015-06-01, sentence done,
 * no priors, unless overridden. Pass `code_section` alone to get the matching section parts.
 */
export function p64Count(over: Record<string, Cell> = {}): Record<string, Cell> {
  next += 1
  const code = typeof over.code_section === 'string' ? over.code_section : 'HS 11357(B)'
  return {
    subject_id: `S${next}`,
    cnt_order: `001001${String(next).padStart(3, '0')}`,
    cyc_order: null,
    county: 'ALAMEDA',
    court: 'ALAMEDA SUPERIOR',
    case_number: `CASE${next}`,
    ...sectionParts(code),
    charged_code_section: null,
    conviction_level: 'misdemeanor',
    conviction_date: '2015-06-01',
    offense_date: '2015-01-01',
    sentence_end_date: '2015-06-01',
    sentence_running: false,
    offense_era: 'before',
    old_law_offense: true,
    charged_under_new_law: false,
    law_conflict: false,
    is_attempt: false,
    is_conspiracy: false,
    is_accessory: false,
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
    prior_superstrike: false,
    prior_pc290: false,
    pc290_registration_unexplained: false,
    qualifier_text: null,
    incomplete_history_lines: null,
    ...over,
  }
}

export const prop64Counts = (rows: Record<string, Cell>[]): FixtureTable => ({
  columns: PROP64_COUNT_COLUMNS,
  rows,
})

/** The int_convictions columns the policy layer reads (record-wide facts, related charges and their facts). */
export const CONVICTION_COLUMNS: Record<string, string> = {
  subject_id: 'varchar',
  cnt_order: 'varchar',
  cyc_order: 'varchar',
  county: 'varchar',
  court: 'varchar',
  case_number: 'varchar',
  code_type: 'varchar',
  section: 'varchar',
  subsection: 'varchar',
  base_section: 'varchar',
  code_section: 'varchar',
  charged_code_section: 'varchar',
  conviction_level: 'varchar',
  conviction_date: 'date',
  offense_date: 'date',
  sentence_end_date: 'date',
}

/** The int_convictions row of a count (or of any conviction: pass a non-Prop 64 code_section). */
export function convictionOf(row: Record<string, Cell>): Record<string, Cell> {
  return Object.fromEntries(Object.keys(CONVICTION_COLUMNS).map((c) => [c, row[c]]))
}

export const convictions = (rows: Record<string, Cell>[]): FixtureTable => ({
  columns: CONVICTION_COLUMNS,
  rows,
})
