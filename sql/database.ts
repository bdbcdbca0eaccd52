/**
 * Column types of the relations the kysely builders read, so a typo in a column name fails the type check.
 * raw_doj_rows carries the contract's columns as text; the marts an output reads carry their output
 * contract's row type (data-contracts/outputs/), as the database hands them over (BIGINT and DATE as text).
 */
import type { DojRow } from '../data-contracts/doj-extract.contract.ts'
import type { MotionCaseRow } from '../data-contracts/outputs/motion-cases.contract.ts'

export interface RawDojRows extends DojRow {
  filename: string
}

export interface Database {
  raw_doj_rows: RawDojRows
  mart_motion_cases: MotionCaseRow
}
