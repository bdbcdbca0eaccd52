/**
 * restricted/doj/<county>_results.csv: the DOJ extract's own 95 columns (doj-extract.contract.ts), unchanged,
 * then these eligibility columns, in this order, as the DOJ and earlier tools used them.
 */
import { DOJ_COLUMN_NAMES } from '../doj-extract.contract.ts'

/** Appended after the 95 DOJ columns, in this order. */
export const ELIGIBILITY_COLUMNS = [
  'IN_SCOPE_COUNT',
  'NUMBER_OF_CONVICTIONS_ON_RECORD',
  'OCCURRED_AFTER_2016_11_09',
  'SUPERSTRIKE_CODE_SECTIONS',
  'PC290_CODE_SECTIONS',
  'PC290_REGISTRATION',
  'DATE_OF_CONVICTION',
  'YEARS_SINCE_THIS_CONVICTION',
  'YEARS_SINCE_ANY_CONVICTION',
  'COUNTS_PER_CODE_SECTION',
  'DECEASED',
  'DETERMINATION',
  'REASON',
  'RELIEF',
  'RULE_ID',
  // What a reduction asks for (misdemeanor or infraction); blank for every other outcome (issue 10 pt 6).
  'REDUCED_LEVEL',
] as const

export type EligibilityColumn = (typeof ELIGIBILITY_COLUMNS)[number]

/** Every column of a DOJ result file, in order. */
export const DOJ_RESULT_COLUMNS = [...DOJ_COLUMN_NAMES, ...ELIGIBILITY_COLUMNS] as const
