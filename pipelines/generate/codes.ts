/**
 * Small code lists: the sorted row set carries 1-based positions in these lists instead of the
 * strings, and the output projection turns them back into text.
 */
import { listLit } from './sql-helpers.ts'

/** Charge level and conviction level share positions: toc code 1 (F) is conviction status 1 (FELONY). */
export const TOC = ['F', 'M', 'I'] as const
export const CONV_STATUS = ['FELONY', 'MISDEMEANOR', 'INFRACTION'] as const
export const SENT_LOC = ['JAIL', 'PRISON', 'PROBATION', 'FINE'] as const
export const TIME_UNIT = ['D', 'M', 'Y'] as const
export const TIME_UNIT_DESCR = ['DAYS', 'MONTHS', 'YEARS'] as const
/** Attempt, conspiracy, and the padding spaces some extracts carry in an empty qualifier list. */
export const QUALIFIERS = ['664', '182', '              '] as const

/** 1-based position of a value in a code list (throws on an unknown value: a typo must not pass). */
export function codeOf(list: readonly string[], value: string): number {
  const i = list.indexOf(value)
  if (i < 0) throw new Error(`${value} is not one of ${list.join(', ')}`)
  return i + 1
}

/** SQL: 1-based position of a text column's value in a code list (NULL when absent). */
export function codeSql(list: readonly string[], col: string): string {
  return `CAST(list_position(${listLit(list)}, ${col}) AS TINYINT)`
}

/** SQL: text of a code column. */
export function textSql(list: readonly string[], col: string): string {
  return `${listLit(list)}[${col}]`
}
