/** Small SQL fragments shared by models: one place for how a DOJ date or text field is read. */
import { AUMA_EFFECTIVE_DATE } from '../../data-contracts/prop64-dates.ts'
import { lit } from './quote.ts'

/**
 * Trimmed text, NULL when blank: DOJ fields carry padding spaces. trim() copies every string it is given, so it
 * runs only on a field that starts or ends with a space (the rare case): at 20M rows the copies cost seconds.
 * A field padded with another space separator (a no-break space) keeps it; an id must not (cleanId).
 */
export const clean = (col: string): string =>
  `case when ${col} like ' %' or ${col} like '% ' then nullif(trim(${col}), '') else nullif(${col}, '') end`

/**
 * An id (SUBJECT_ID, CNT_ORDER, CYC_ORDER) trimmed exactly as `nullif(trim(col), '')`, the DOJ result files'
 * filter reads it: trim() strips every Unicode space separator, so a no-break space around an id is padding too.
 * It runs on a field that starts or ends with a space or holds a byte past ASCII (strlen counts bytes, length
 * characters; the only ASCII space separator is ' '). Only for ids: on every field the check cost about 0.6 CPU-s of
 * staging's 13 at 2M lines.
 */
export const cleanId = (col: string): string =>
  `case when ${col} like ' %' or ${col} like '% ' or strlen(${col}) <> length(${col}) then nullif(trim(${col}), '') else nullif(${col}, '') end`

/** Trimmed upper-case text, NULL when blank. */
export const cleanUpper = (col: string): string => `upper(${clean(col)})`

/**
 * A CONVICTED disposition: trimmed and upper-cased, it starts with CONVICTED. One definition for the DOJ lines'
 * staging, the court index and the DOJ result files' row filter: when staging read it another way (ILIKE, which
 * lower-cases and so reads a dotted İ as an i), a decided count could miss its row in the files.
 */
export const convictedDisposition = (col: string): string => `upper(trim(${col})) like 'CONVICTED%'`

/**
 * `col ILIKE '%text%'`, exactly (ILIKE lower-cases both sides, then matches), for a text with no LIKE wildcard:
 * DuckDB's ILIKE with a leading % took 3.5× as long as this over the 2M-line extract's fields.
 */
export const containsFolded = (col: string, text: string): string => {
  if (/[%_\\]/.test(text)) throw new Error(`containsFolded: ${text} holds a LIKE wildcard`)
  return `contains(lower(${col}), lower(${lit(text)}))`
}

/** A YYYYMMDD field as DATE; NULL when blank or not a real date (staging keeps the text to tell which). */
export const parseDate = (col: string): string => `try_strptime(${clean(col)}, '%Y%m%d')::date`

/** The day Prop 64 took effect; offenses before it were judged under the old law. */
export const AUMA_EFFECTIVE = `date ${lit(AUMA_EFFECTIVE_DATE)}`

/** Age bands used by every report and aggregate (under 18 and 18–20 are the law's own tiers). */
export const ageBand = (age: string): string => `case
    when ${age} is null then 'unknown' when ${age} < 18 then 'under 18' when ${age} < 21 then '18-20'
    when ${age} < 25 then '21-24' when ${age} < 35 then '25-34' when ${age} < 45 then '35-44'
    when ${age} < 55 then '45-54' else '55+' end`
