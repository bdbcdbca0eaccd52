/**
 * One row of a court's motion lists: a court case and the relief asked for it, with the person's identity and
 * the counts it covers. The renderers read only this shape; pipelines/ fills it from count_determinations.
 */
export interface MotionCase {
  county: string | null
  court: string | null
  /** count_determinations.remedy: dismiss_and_seal, redesignate, recall_and_resentence, review, not_eligible. */
  remedy: string
  determination: string
  /** What a `reduce` asks for; null for every other determination (and where the level is not recorded). */
  reduced_level: 'misdemeanor' | 'infraction' | null
  /** 'policy' where the DA policy, not HS 11361.8, decided the count. */
  layer: 'statute' | 'policy'
  /** A non-Prop 64 conviction the policy reaches as a related charge. */
  is_related: boolean
  case_number: string | null
  subject_id: string
  name: string | null
  /** Other names on record, '; '-separated. */
  aka: string
  dob: string | null
  cii_number: string | null
  /** 'YYYY-MM-DD', several joined by '; ' when the counts differ. */
  conviction_date: string | null
  /** e.g. 'HS 11357(B); HS 11359 x2' */
  code_sections: string
  counts: number
  count_orders: string
  rule_ids: string
  /** The rules' reason text, ' | '-separated when the counts differ. */
  reason: string
}
