/** What `relief explain` prints about one person, as rows of mart_explain_counts and mart_explain_subjects. */

/** One count of a person: the published decision beside the policy layer's facts and answer. */
export interface ExplainCountRow {
  subject_id: string
  cnt_order: string
  county: string
  court: string
  case_number: string
  conviction_date: string
  offense_date: string | null
  code_section: string
  conviction_level: string
  age_at_offense: number | null
  statute_determination: string
  determination: string
  layer: string
  rule_id: string
  citation: string
  reason: string
  remedy: string
  statute_rule_id: string
  rule_trail: string
  sentence_end_date: string | null
  same_section_priors: number | null
  prior_superstrike_sections: string | null
  prior_pc290_sections: string | null
  policy: string
  is_related: boolean
  policy_reach: boolean | null
  policy_outcome: string | null
  policy_rule_id: string | null
  policy_citation: string | null
  policy_trail: string
  /** 'misdemeanor' or 'infraction' where the count is reduced; null otherwise. */
  reduced_level: string | null
  /** DOJ qualifier codes of the convicted offense, read ('EB (conspiracy); BI (attempt)'). */
  qualifiers: string | null
  /** The charge as filed, where it differs from the offense of conviction. */
  charged_code_section: string | null
  /** Where the age came from: 'dob', or 'cyc_age' (DOJ's age at the arrest that began the cycle). */
  age_source: string | null
}

/** The person: date of birth (or why it is missing) and whether DOJ records a death. */
export interface ExplainSubjectRow {
  subject_id: string
  dob: string | null
  dob_status: string
  deceased: boolean
}
