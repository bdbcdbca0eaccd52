/**
 * The rule for text cells in every CSV a person may open in a spreadsheet (motion lists, count
 * determinations, DOJ result files, rejects): a cell that starts with a character a spreadsheet reads as the
 * start of a formula (= + - @, tab, carriage return) is written with a leading apostrophe, so Excel or
 * LibreOffice shows it as text instead of running it (OWASP "CSV Injection"). A name typed as
 * `=HYPERLINK(…)` in the source data then reaches the clerk as text. Only text columns are touched:
 * numbers and dates are written as they are, so a negative number stays a number.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
export const FORMULA_START = /^[=+\-@\t\r]/

/** The same characters as code points, for SQL: ascii(cell) is the first one (a look, not a regex per cell). */
export const FORMULA_START_CODES = ['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0))

/** A text cell as it may be written to a CSV: prefixed with ' when a spreadsheet would run it. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
