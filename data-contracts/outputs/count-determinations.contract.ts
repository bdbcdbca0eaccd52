/**
 * count_determinations.csv / .parquet: one row per in-scope conviction count (plus related charges a policy
 * reaches, flagged is_related), in this column order. The run writes exactly these columns
 * (pipelines/run/write-outputs.ts); a test holds the model to them.
 */
export const COUNT_DETERMINATIONS_COLUMNS = [
  'subject_id',
  'cnt_order',
  'county',
  'court',
  'case_number',
  'conviction_date',
  'code_section',
  'conviction_level',
  'statute_determination',
  'determination',
  'layer',
  'rule_id',
  'citation',
  'reason',
  'remedy',
  'statute_rule_id',
  'rule_trail',
  'offense_date',
  'age_at_offense',
  'sentence_end_date',
  'same_section_priors',
  'prior_superstrike_sections',
  'prior_pc290_sections',
  'prior_pc290_registration',
  'deceased',
  'gender',
  'race_code',
  'race_group',
  'age_at_conviction',
  'conviction_year',
  'policy',
  'is_related',
  // What a reduction asks for: 'misdemeanor' or 'infraction'; empty for other determinations.
  'reduced_level',
  // DOJ qualifier codes of the convicted offense, read ('EB (conspiracy); BI (attempt)').
  'qualifiers',
  // The charge as filed, only where it differs from the offense of conviction.
  'charged_code_section',
  // Where the age came from: 'dob' or 'cyc_age' (DOJ's age at the arrest).
  'age_source',
] as const
export type CountDeterminationsColumn = (typeof COUNT_DETERMINATIONS_COLUMNS)[number]

/** The order of the published file: county, then person, then count. */
export const COUNT_DETERMINATIONS_ORDER = ['county', 'subject_id', 'cnt_order'] as const
