/** Small SQL fragments shared by models: one place for how a DOJ date or text field is read. */

/** Trimmed text, NULL when blank: DOJ fields carry padding spaces. */
export const clean = (col: string): string => `nullif(trim(${col}), '')`

/** Trimmed upper-case text, NULL when blank. */
export const cleanUpper = (col: string): string => `nullif(upper(trim(${col})), '')`

/** A YYYYMMDD field as DATE; NULL when blank or not a real date (see dateStatus). */
export const parseDate = (col: string): string => `try_strptime(trim(${col}), '%Y%m%d')::date`

/** 'ok' | 'missing' | 'bad' for a YYYYMMDD field, so a rule can say why it cannot decide. */
export const dateStatus = (col: string): string =>
  `case when ${clean(col)} is null then 'missing' when ${parseDate(col)} is null then 'bad' else 'ok' end`

/** The day Prop 64 took effect; offenses before it were judged under the old law. */
export const AUMA_EFFECTIVE = `date '2016-11-09'`
