/**
 * Column types of the relations the kysely builders read, so a typo in a column name fails the type check.
 * raw_doj_rows carries the contract's columns as text; the marts an output reads carry their output
 * contract's row type (data-contracts/outputs/), as the database hands them over (BIGINT and DATE as text).
 */
import type { DojRow } from '../data-contracts/doj-extract.contract.ts'
import type { RunParams } from '../data-contracts/manifest.contract.ts'
import type { ExplainCountRow, ExplainSubjectRow } from '../data-contracts/outputs/explain.contract.ts'
import type { MotionCaseRow } from '../data-contracts/outputs/motion-cases.contract.ts'
import type { SummaryConvictionRow, SummaryPeopleRow } from '../data-contracts/outputs/summary.contract.ts'

export interface RawDojRows extends DojRow {
  filename: string
}

export interface Database {
  run_params: RunParams
  raw_doj_rows: RawDojRows
  mart_motion_cases: MotionCaseRow
  mart_summary_convictions: SummaryConvictionRow
  mart_summary_people: SummaryPeopleRow
  mart_explain_counts: ExplainCountRow
  mart_explain_subjects: ExplainSubjectRow
}
