/**
 * Column types of the relations the kysely builders read, so a typo in a column name fails the type check.
 * raw_doj_rows carries the contract's columns as text; later models are typed where kysely authors them.
 */
import type { DojRow } from '../data-contracts/doj-extract.contract.ts'

export interface RawDojRows extends DojRow {
  filename: string
}

export interface Database {
  raw_doj_rows: RawDojRows
}
