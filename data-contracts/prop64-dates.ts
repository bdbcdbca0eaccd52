/**
 * The day Proposition 64 (the Adult Use of Marijuana Act) took effect, written once. Offenses before it were
 * judged under the old law; SQL reads it as sql/helpers/sql-fragments.ts AUMA_EFFECTIVE.
 */
export const AUMA_EFFECTIVE_DATE = '2016-11-09'

/** The last day of the old law (the day before AUMA_EFFECTIVE_DATE). */
export const PRE_AUMA_LAST_DATE = new Date(Date.parse(`${AUMA_EFFECTIVE_DATE}T00:00:00Z`) - 86_400_000)
  .toISOString()
  .slice(0, 10)
