/**
 * A row of the motion lists (mart_motion_cases): one per court case and relief. The motion CSV and PDF
 * renderers (reports/motions/) draw these rows; pipelines/outputs/write-motions.ts reads them from the mart.
 */
export interface MotionCase {
  county: string | null
  court: string | null
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
  reason: string
}

/** mart_motion_cases: the MotionCase columns plus the order the motion lists are read in. */
export interface MotionCaseRow extends MotionCase {
  /** 1, 2, … in motion order: county, court, schedule, case. */
  motion_order: number
}

/** restricted/motions/<county>/<court>.csv, column by column. */
export const MOTION_CSV_COLUMNS = [
  'county',
  'court',
  'schedule',
  'relief',
  'relief_label',
  'reduced_level',
  'determination',
  'layer',
  'is_related',
  'case_number',
  'subject_id',
  'name',
  'aka',
  'dob',
  'cii_number',
  'conviction_date',
  'code_sections',
  'counts',
  'count_orders',
  'rule_ids',
  'reason',
] as const

/** restricted/motions/index.csv: one row per court's motion. */
export const MOTION_INDEX_COLUMNS = [
  'county',
  'court',
  'csv',
  'pdf',
  'pages',
  'cases',
  'convictions',
  'people',
] as const
