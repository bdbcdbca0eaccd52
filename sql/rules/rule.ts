/**
 * A rule: one id, one layer, one citation, one outcome, one predicate, one reason a person can read.
 * Precedence is the order of the registry array, not the order SQL happens to be written in.
 */
import type { Determination } from '../../data-contracts/determinations.ts'

export type { Determination }
export type RuleLayer = 'statute' | 'policy'
export type ReducedLevel = 'misdemeanor' | 'infraction'

export interface Rule {
  readonly id: string
  readonly layer: RuleLayer
  readonly outcome: Determination
  readonly citation: string
  /** Shown on every row it decides: what it found and what follows. */
  readonly reason: string
  /** SQL predicate over int_prop64_counts columns (statute) or the policy facts (policy). */
  readonly when: string
  /** One line for the README rule table: when the rule decides, in plain words. */
  readonly summary?: string
  /**
   * For a `reduce` rule: what the redesignation asks for. A level, or a SQL expression over the same columns as
   * `when` that yields 'misdemeanor' or 'infraction' (e.g. an infraction when the person was under 18).
   */
  readonly reducedLevel?: ReducedLevel | { readonly sql: string; readonly label: string }
  /** SQL text over the same columns appended to the reason (e.g. which input lines), when a row needs it. */
  readonly detail?: string
  /** What we decided where the law or the data is silent. */
  readonly interpretation?: string
}

export function rule(r: Rule): Rule {
  if (r.outcome === 'reduce' && r.reducedLevel === undefined)
    throw new Error(`rule ${r.id}: a reduce rule must say what it reduces to (reducedLevel)`)
  if (r.outcome !== 'reduce' && r.reducedLevel !== undefined)
    throw new Error(`rule ${r.id}: only a reduce rule has a reducedLevel`)
  return r
}

/** The reduced level of a rule as SQL (null when the rule does not reduce). */
export function reducedLevelSql(r: Rule): string {
  if (r.reducedLevel === undefined) return 'null'
  return typeof r.reducedLevel === 'string' ? `'${r.reducedLevel}'` : `(${r.reducedLevel.sql})`
}
