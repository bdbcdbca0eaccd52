import type { Rule } from './rule.ts'
import { lit } from '../../pipelines/lib/duckdb.ts'

/**
 * Turns an ordered rule list into SQL: a first-match CASE per output column, and the trail of every rule
 * whose predicate held (so `relief explain` can show what else applied and why it did not decide).
 */
export function firstMatch(rules: readonly Rule[], pick: (r: Rule) => string): string {
  const arms = rules.map((r) => `    when ${oneLine(r.when)} then ${pick(r)} -- ${r.id}`).join('\n')
  return `case\n${arms}\n  end`
}

export function ruleTrail(rules: readonly Rule[]): string {
  const items = rules.map((r) => `case when ${oneLine(r.when)} then ${lit(r.id)} end`).join(',\n    ')
  return `list_filter([\n    ${items}\n  ], x -> x is not null)`
}

function oneLine(s: string): string {
  return `(${s.replace(/\s+/g, ' ').trim()})`
}

export const ruleColumns = (rules: readonly Rule[]) => ({
  determination: firstMatch(rules, (r) => lit(r.outcome)),
  ruleId: firstMatch(rules, (r) => lit(r.id)),
  citation: firstMatch(rules, (r) => lit(r.citation)),
  reason: firstMatch(rules, (r) => lit(r.reason)),
  trail: ruleTrail(rules),
})
