import type { PolicyRuleDef } from './policy-rule.ts'
import type { DismissWhen, ResolvedPolicy } from './resolved-policy.ts'
import { levelsReached, REACH } from './facts.ts'

/**
 * dismiss_when: person-level conditions, any one of which makes the DA move to dismiss (the "additional
 * relief" of the gogen/BEAR flow and the county criteria). They reach felonies always, and misdemeanors and
 * infractions only when the policy takes misdemeanors on (misdemeanor: dismiss or reduce).
 * Every date is measured against the run's as-of date, never the clock.
 */
function condition(
  key: keyof DismissWhen,
  id: string,
  meaning: string,
  predicate: (p: ResolvedPolicy) => string | null,
  reason: (p: ResolvedPolicy) => string,
): PolicyRuleDef {
  return {
    id,
    outcome: 'dismiss',
    key: `dismiss_when.${key}`,
    meaning,
    when: (p) => {
      const w = predicate(p)
      return w === null ? null : `${REACH} and ${levelsReached(p)} and (${w})`
    },
    reason: (p) => `Dismiss (DA policy): ${reason(p)}`,
  }
}

export const DA_DISMISS_UNDER21 = condition(
  'under_21_at_conviction',
  'DA-DISMISS-UNDER21',
  'Under 21 on the conviction date (the 21st birthday itself does not count).',
  (p) => (p.dismiss_when.under_21_at_conviction ? `age_at_conviction < 21` : null),
  () => 'under 21 at conviction.',
)

export const DA_DISMISS_AGE = condition(
  'age_at_least',
  'DA-DISMISS-AGE',
  'At least N years old on the as-of date (a missing DOB never qualifies).',
  (p) => (p.dismiss_when.age_at_least !== null ? `age_on_as_of >= ${p.dismiss_when.age_at_least}` : null),
  (p) => `${p.dismiss_when.age_at_least} or older on the as-of date.`,
)

export const DA_DISMISS_YEARS_SINCE = condition(
  'years_since_conviction_at_least',
  'DA-DISMISS-YEARS-SINCE',
  'This conviction is at least N years before the as-of date.',
  (p) =>
    p.dismiss_when.years_since_conviction_at_least !== null
      ? `conviction_date <= as_of_date - to_years(${p.dismiss_when.years_since_conviction_at_least})`
      : null,
  (p) => `convicted ${p.dismiss_when.years_since_conviction_at_least} or more years before the as-of date.`,
)

export const DA_DISMISS_CRIME_FREE = condition(
  'crime_free_years_at_least',
  'DA-DISMISS-CRIME-FREE',
  'No conviction of any kind, in any county, in the N years before the as-of date (this one included).',
  (p) =>
    p.dismiss_when.crime_free_years_at_least !== null
      ? `last_conviction_date <= as_of_date - to_years(${p.dismiss_when.crime_free_years_at_least})`
      : null,
  (p) =>
    `no conviction of any kind in the ${p.dismiss_when.crime_free_years_at_least} years before the as-of date.`,
)

export const DA_DISMISS_ONLY_P64 = condition(
  'only_prop64_convictions',
  'DA-DISMISS-ONLY-P64',
  'Every conviction on the record (any county) is a Prop 64 section.',
  (p) => (p.dismiss_when.only_prop64_convictions ? `only_prop64` : null),
  () => 'every conviction on the record is a Prop 64 (HS 11357–11360, 11362.1–11362.4) conviction.',
)

export const DA_DISMISS_ONLY_P64_DONE = condition(
  'only_prop64_sentences_completed',
  'DA-DISMISS-ONLY-P64-DONE',
  'Every conviction on the record is a Prop 64 section and every sentence has ended by the as-of date.',
  (p) => (p.dismiss_when.only_prop64_sentences_completed ? `only_prop64 and all_sentences_done` : null),
  () => 'only Prop 64 convictions on the record, and every sentence completed by the as-of date.',
)

export const DA_DISMISS_SOLE_DONE = condition(
  'only_conviction_sentence_completed',
  'DA-DISMISS-SOLE-DONE',
  "This is the person's only conviction of any kind and its sentence ended by the as-of date.",
  (p) =>
    p.dismiss_when.only_conviction_sentence_completed
      ? `convictions_on_record = 1 and sentence_end_date <= as_of_date`
      : null,
  () => 'the only conviction on the record, with the sentence completed by the as-of date.',
)

export const DA_DISMISS_DECEASED = condition(
  'deceased',
  'DA-DISMISS-DECEASED',
  'The record has a DECEASED step.',
  (p) => (p.dismiss_when.deceased ? `deceased` : null),
  () => 'the person is deceased.',
)

export const DISMISS_WHEN = [
  DA_DISMISS_UNDER21,
  DA_DISMISS_AGE,
  DA_DISMISS_YEARS_SINCE,
  DA_DISMISS_CRIME_FREE,
  DA_DISMISS_ONLY_P64,
  DA_DISMISS_ONLY_P64_DONE,
  DA_DISMISS_SOLE_DONE,
  DA_DISMISS_DECEASED,
]
