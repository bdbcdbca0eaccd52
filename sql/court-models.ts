/**
 * The court reconciliation models, in build order, after every model of sql/models.ts. They exist only in a run
 * given a court index (`relief reconcile`); the two source models are made per run from the files' read_csv.
 */
import type { Model } from './model.ts'
import { rawCourtIndexRows } from './sources/raw_court_index_rows.ts'
import { courtRecordLines } from './sources/court_record_lines.ts'
import { stg_court_index_rows } from './staging/stg_court_index_rows.ts'
import { int_court_doj_pairs } from './intermediate/int_court_doj_pairs.ts'
import { int_court_only_charges } from './intermediate/int_court_only_charges.ts'
import { int_court_convictions } from './intermediate/int_court_convictions.ts'
import { int_court_subjects } from './intermediate/int_court_subjects.ts'
import { int_court_prop64_counts } from './intermediate/int_court_prop64_counts.ts'
import { court_doj_mismatches } from './intermediate/court_doj_mismatches.ts'
import { doj_only_counts } from './intermediate/doj_only_counts.ts'
import { court_statute_determinations } from './determinations/court_statute_determinations.ts'
import { court_policy_determinations } from './determinations/court_policy_determinations.ts'
import { court_only_determinations } from './determinations/court_only_determinations.ts'
import { mart_court_only_by_county_year } from './marts/mart_court_only_by_county_year.ts'
import { mart_court_only_motion_cases } from './marts/mart_court_only_motion_cases.ts'

export interface CourtSources {
  /** read_csv over the court index files, with file_index and record. */
  raw: string
  /** SELECT file_index, record, line for every loaded record. */
  lines: string
}

export function courtModels(src: CourtSources): readonly Model[] {
  const models = [
    rawCourtIndexRows(src.raw),
    courtRecordLines(src.lines),
    stg_court_index_rows,
    int_court_doj_pairs,
    int_court_only_charges,
    int_court_convictions,
    int_court_subjects,
    int_court_prop64_counts,
    court_doj_mismatches,
    doj_only_counts,
    court_statute_determinations,
    court_policy_determinations,
    court_only_determinations,
    mart_court_only_by_county_year,
    mart_court_only_motion_cases,
  ]
  return models
}
