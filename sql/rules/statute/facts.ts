/** Predicate fragments over int_prop64_counts, named for what they mean in the law. */
export const FELONY = `conviction_level = 'felony'`
export const MISDEMEANOR = `conviction_level = 'misdemeanor'`
export const INFRACTION = `conviction_level = 'infraction'`
export const AGE_21_PLUS = `age_at_offense >= 21`
export const UNDER_21 = `age_at_offense < 21`
export const AGE_18_PLUS = `age_at_offense >= 18`
export const UNDER_18 = `age_at_offense < 18`
export const section = (s: string, sub?: string | null): string =>
  `base_section = 'HS ${s}'` +
  (sub === undefined ? '' : sub === null ? ` and subsection is null` : ` and subsection = '${sub}'`)
/** Felonies of the sections that keep a felony tier after Prop 64 (subject to the disqualifiers). */
export const FELONY_TIER_SECTION = `base_section in ('HS 11358', 'HS 11359', 'HS 11360') and ${FELONY}`
/** Any record fact that can keep a felony 11358–11360 a felony, or that leaves it open (an unexplained registration). */
export const FELONY_TIER_RECORD_FACT = `(prior_superstrike or prior_pc290 or pc290_registration_unexplained or same_section_priors >= 2)`
/** Under 18 the reduction is to an infraction, otherwise to a misdemeanor (the floor when age is unknown). */
export const MISDEMEANOR_OR_INFRACTION_BY_AGE = {
  sql: `case when age_at_offense < 18 then 'infraction' else 'misdemeanor' end`,
  label: 'misdemeanor; infraction under 18',
} as const
