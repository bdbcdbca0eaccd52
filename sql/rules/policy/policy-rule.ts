import { rule, type Determination, type ReducedLevel, type Rule } from '../rule.ts'
import type { ResolvedPolicy } from './resolved-policy.ts'
import { cite } from './facts.ts'

/**
 * A policy rule before a policy is chosen: fixed id, outcome and meaning; the predicate, reason and citation
 * are filled from the policy (thresholds, section lists, sources). `when` returns null when the policy does not
 * use the key, so the rule is left out of the SQL altogether.
 */
export interface PolicyRuleDef {
  readonly id: string
  readonly outcome: Determination
  /** The policy key this rule implements, e.g. "dismiss_when.age_at_least"; its source is the row's citation. */
  readonly key: string
  /** What the rule means, for the README and `relief explain`. */
  readonly meaning: string
  when(p: ResolvedPolicy): string | null
  reason(p: ResolvedPolicy): string
  /** For a reduce rule: what the DA asks the court to redesignate the count as. */
  readonly reducedLevel?: ReducedLevel
  /** The source key when it is narrower than `key` (e.g. "felony.HS 11359"). */
  sourceKeys?(p: ResolvedPolicy): string[]
}

export function instantiate(def: PolicyRuleDef, p: ResolvedPolicy): Rule | null {
  const when = def.when(p)
  if (when === null) return null
  const key = def.sourceKeys?.(p).find((k) => p.sources[k]) ?? def.key
  return rule({
    id: def.id,
    layer: 'policy',
    outcome: def.outcome,
    citation: cite(p, key),
    reason: def.reason(p),
    when,
    interpretation: def.meaning,
    ...(def.reducedLevel ? { reducedLevel: def.reducedLevel } : {}),
  })
}
