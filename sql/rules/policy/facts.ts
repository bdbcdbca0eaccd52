import { lit } from '../../helpers/quote.ts'
import { AUMA_EFFECTIVE } from '../../helpers/sql-fragments.ts'
import type { ResolvedPolicy } from './resolved-policy.ts'

/**
 * Predicate fragments over the policy facts (elig_policy_determinations' `facts` CTE), and how a policy rule
 * cites its source. The policy layer reaches old-law convictions of HS 11357–11360 only: post-Prop 64 offenses,
 * Prop 64-only codes, records whose code and dates disagree, unknown timing and HS 11362.1–11362.4 keep the statute
 * outcome whatever the policy says. Conspiracies (People v. Medina) and PC 32 accessories are never Prop 64
 * relief, so no policy reaches them either: relief for them is another remedy (PC 17(b)(3), PC 1385), not this list.
 */
export const PRE_AUMA = (offense: string, conviction: string) =>
  `(${offense} < ${AUMA_EFFECTIVE} or (${offense} is null and ${conviction} < ${AUMA_EFFECTIVE}))`

export const REACH = `policy_reach`

/** Which Prop 64 counts a policy may act on (a column of the facts CTE, computed once). */
export const POLICY_REACH = (t: string) =>
  `${t}base_section in ('HS 11357', 'HS 11358', 'HS 11359', 'HS 11360') and ${t}old_law_offense
      and not ${t}is_conspiracy and not ${t}is_accessory`
export const FELONY = `conviction_level = 'felony'`
export const LOW_LEVEL = `conviction_level in ('misdemeanor', 'infraction')`
export const LEVEL_UNKNOWN = `conviction_level is null`
/** The felonies whose statutory outcome a super-strike, PC 290 or two priors can change (HS 11358(d) etc.). */
export const FELONY_TIER = `base_section in ('HS 11358', 'HS 11359', 'HS 11360') and ${FELONY}`
/** Adult conduct, or unknown age: a challenge on a record disqualifier assumes an adult unless the DOB says otherwise. */
export const ADULT_OR_UNKNOWN = `coalesce(age_at_offense, 18) >= 18`

export const inList = (col: string, values: readonly string[]): string =>
  values.length ? `${col} in (${values.map(lit).join(', ')})` : 'false'

/** Which levels dismiss_when reaches: felonies always; the rest only when the policy takes misdemeanors on. */
export const levelsReached = (p: ResolvedPolicy): string => (p.misdemeanor === 'statute' ? FELONY : 'true')

/** "DA policy los-angeles-2020: <source of this key, else the policy's citation>". */
export function cite(p: ResolvedPolicy, key: string): string {
  return `DA policy ${p.name}: ${p.sources[key] ?? p.citation}`
}
