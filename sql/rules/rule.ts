/**
 * A rule: one id, one layer, one citation, one outcome, one predicate, one reason a person can read.
 * Precedence is the order of the registry array, not the order SQL happens to be written in.
 */
export type Determination = 'dismiss' | 'reduce' | 'not_eligible' | 'review'
export type RuleLayer = 'statute' | 'policy'

export interface Rule {
  readonly id: string
  readonly layer: RuleLayer
  readonly outcome: Determination
  readonly citation: string
  /** Shown on every row it decides: what it found and what follows. */
  readonly reason: string
  /** SQL predicate over int_prop64_counts columns (statute) or the policy facts (policy). */
  readonly when: string
  /** SQL text over the same columns appended to the reason (e.g. which input lines), when a row needs it. */
  readonly detail?: string
  /** What we decided where the law or the data is silent. */
  readonly interpretation?: string
}

export function rule(r: Rule): Rule {
  return r
}
