/**
 * SQL fragments for reading a court case index and comparing it with the DOJ extract: one place for how a case
 * number, a name and a court date are normalised, so both sides of every comparison use the same form.
 */
import { COURT_DATE_FORMATS } from '../../data-contracts/court-index.contract.ts'

/**
 * Case number as compared: upper case, letters and digits only (spaces, dashes, slashes dropped), and no leading
 * zeros on any run of digits ("BA-012345", "ba 12345" and "BA12345" are one case; so are "07CR1001" and "7CR1001").
 */
export const caseKey = (col: string): string =>
  `nullif(regexp_replace(regexp_replace(upper(coalesce(${col}, '')), '[^A-Z0-9]', '', 'g'), '(^|[^0-9])0+([0-9])', '\\1\\2', 'g'), '')`

/**
 * Person name as compared: "SURNAME,FIRST" with letters only. "LAST,FIRST M" and "Last, First" split at the
 * comma; without a comma the last word is the surname and the first word the given name. Middle names are dropped.
 */
export const nameKey = (col: string): string => `(case
    when ${col} is null or trim(${col}) = '' then null
    when ${col} like '%,%' then
      regexp_replace(upper(split_part(${col}, ',', 1)), '[^A-Z]', '', 'g') || ',' ||
      regexp_replace(upper(split_part(trim(split_part(${col}, ',', 2)), ' ', 1)), '[^A-Z]', '', 'g')
    else
      regexp_replace(upper(regexp_extract(trim(${col}), '(\\S+)$', 1)), '[^A-Z]', '', 'g') || ',' ||
      regexp_replace(upper(split_part(trim(${col}), ' ', 1)), '[^A-Z]', '', 'g')
  end)`

/** A court date as DATE: YYYY-MM-DD or YYYYMMDD; NULL when blank or unreadable. */
export const courtDate = (col: string): string =>
  `coalesce(${COURT_DATE_FORMATS.map((f) => `try_strptime(trim(${col}), '${f}')::date`).join(', ')})`

/** 'missing' | 'bad' | 'ok' for a court date column, as staging reports DOJ dates. */
export const courtDateStatus = (col: string): string =>
  `case when nullif(trim(${col}), '') is null then 'missing' when ${courtDate(col)} is null then 'bad' else 'ok' end`

/**
 * The charge section in either order: DOJ style "11359 HS", "664/11359 HS", "11357(B) HS", or code first
 * "HS 11359", "HS 11357(b)", "HS 664/11359". Groups: prefix (664/182), section, subsections, code type.
 */
const CODE_LAST = `^\\s*(?:(664|182)\\s*/\\s*)?([0-9]+(?:\\.[0-9]+)?)\\s*((?:\\([0-9A-Z]+\\))*)\\s*([A-Z]{2,3})\\b`
const CODE_FIRST = `^\\s*([A-Z]{2,3})\\s*(?:(664|182)\\s*/\\s*)?([0-9]+(?:\\.[0-9]+)?)\\s*((?:\\([0-9A-Z]+\\))*)`
export const parsedSection = (col: string): string => `case
    when regexp_matches(upper(${col}), '${CODE_LAST}') then
      regexp_extract(upper(${col}), '${CODE_LAST}', ['prefix', 'section', 'subsections', 'code_type'])
    when regexp_matches(upper(${col}), '${CODE_FIRST}') then
      regexp_extract(upper(${col}), '${CODE_FIRST}', ['code_type', 'prefix', 'section', 'subsections'])
  end`

/** Sum of "N DAYS|MONTHS|YEARS" (or N D|M|Y) parts of a sentence text, in one unit. */
export const sentencePart = (col: string, unit: 'D' | 'M' | 'Y'): string => {
  const word = { D: 'DAYS?', M: 'MONTHS?|MOS?', Y: 'YEARS?|YRS?' }[unit]
  return `coalesce(list_sum(list_transform(regexp_extract_all(upper(coalesce(${col}, '')), '([0-9]+(?:\\.[0-9]+)?)\\s*(?:${word}|${unit})\\b', 1), x -> x::double)), 0)`
}
