/** A count's sentence end and its dates against Prop 64's effective day: one definition for both readers' models. */
import { AUMA_EFFECTIVE } from './sql-fragments.ts'

/**
 * The conviction date plus the summed sentence: whole years, then months (a year's fraction as months), then
 * days rounded up. NULL when the conviction date or a sum is NULL.
 */
export const sentenceEndDate = (convictionDate: string): string => `${convictionDate}
    + to_years(cast(floor(sentence_years) as integer))
    + to_months(cast(floor(sentence_months + 12 * (sentence_years - floor(sentence_years))) as integer))
    + to_days(cast(ceil(sentence_days) as integer))`

/** Whether the offense and the conviction came on or after the day Prop 64 took effect. */
export const aumaFlags = (offenseDate: string, convictionDate: string): string =>
  `${offenseDate} >= ${AUMA_EFFECTIVE} as offense_after_auma,
  ${convictionDate} >= ${AUMA_EFFECTIVE} as conviction_after_auma`
