import { reducedLevelSql, type Rule } from './rule.ts'
import { lit } from '../helpers/quote.ts'

/**
 * Turns an ordered rule list into SQL: a first-match CASE per output column, and the trail of every rule
 * whose predicate held (so `relief explain` can show what else applied and why it did not decide).
 */
export function firstMatch(rules: readonly Rule[], pick: (r: Rule) => string): string {
  const arms = rules.map((r) => `    when ${oneLine(r.when)} then ${pick(r)} -- ${r.id}`).join('\n')
  return `case\n${arms}\n  end`
}

/** Each rule's id where its predicate holds, null elsewhere, in rule order: the trail's items. */
const idsWhereHeld = (rules: readonly Rule[]): string =>
  rules.map((r) => `case when ${oneLine(r.when)} then ${lit(r.id)} end`).join(',\n    ')

export function ruleTrail(rules: readonly Rule[]): string {
  return `list_filter([\n    ${idsWhereHeld(rules)}\n  ], x -> x is not null)`
}

/**
 * The same trail as one text, 'P64-FEL-REDUCE > P64-REVIEW-99': concat_ws passes over the rules that do not hold.
 * The statute layer's trail is only ever written out as this text, and building and filtering a list of every rule
 * per count took a ninth of count_determinations' CPU (0.12 of 1.1 s at 1M lines).
 */
export function ruleTrailText(rules: readonly Rule[]): string {
  return `concat_ws(' > ',\n    ${idsWhereHeld(rules)}\n  )`
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

/**
 * The cheaper form for large tables: one CASE yields the rank of the deciding rule, and the rule's text
 * columns come from a small inline table joined on that rank (text is not rebuilt per row in four CASEs).
 */
export function firstMatchRank(rules: readonly Rule[]): string {
  return firstMatch(rules, (r) => String(rules.indexOf(r) + 1))
}

/** The per-row detail of the deciding rule (null when it has none), picked by the rank firstMatchRank gives. */
export function ruleDetail(rules: readonly Rule[], rank: string): string {
  const arms = rules.flatMap((r, i) => (r.detail ? [`when ${i + 1} then ${oneLine(r.detail)}`] : []))
  return arms.length ? `case ${rank} ${arms.join(' ')} end` : 'null::varchar'
}

export function rulesTable(rules: readonly Rule[], alias: string): string {
  const rows = rules
    .map((r, i) => `(${i + 1}, ${lit(r.id)}, ${lit(r.outcome)}, ${lit(r.citation)}, ${lit(r.reason)})`)
    .join(',\n    ')
  return `(values\n    ${rows}\n  ) as ${alias}(rule_rank, rule_id, outcome, citation, reason)`
}

/**
 * A reason as a row shows it: the rule's reason, then the row's detail (ruleDetail) where it has one. Only a row
 * with a detail gets a new text; the others keep the rule's own.
 */
export function reasonWithDetail(reason: string, detail: string): string {
  return `case when ${detail} is null then ${reason} else ${reason} || ' ' || ${detail} end`
}

/**
 * A rule column's text for the deciding rule, picked from one list by its rank (firstMatchRank). A table keeps the
 * small rank and a view over it gives the text: a citation or reason is 100–400 bytes, and carried through a sort
 * and stored per row it cost count_determinations about a second at 5M lines (docs/scale.md, "Session 31").
 */
export function textByRank(rules: readonly Rule[], pick: (r: Rule) => string, rankCol: string): string {
  const items = rules.map((r, i) => `    ${lit(pick(r))}${i < rules.length - 1 ? ',' : ''} -- ${r.id}`)
  return `[\n${items.join('\n')}\n  ][${rankCol}]`
}

/**
 * What a reduction asks for ('misdemeanor' | 'infraction'), by the deciding rule's rank; null for a rule that
 * does not reduce. Only reduce rules get an arm, so the CASE stays short.
 */
export function reducedLevelByRank(rules: readonly Rule[], rankCol: string): string {
  const arms = rules
    .map((r, i) =>
      r.outcome === 'reduce' ? `    when ${i + 1} then ${reducedLevelSql(r)} -- ${r.id}` : null,
    )
    .filter((x) => x !== null)
  return arms.length ? `case ${rankCol}\n${arms.join('\n')}\n  end` : 'null::varchar'
}

/** The same by rule id, for layers that keep the id rather than the rank. */
export function reducedLevelById(rules: readonly Rule[], idCol: string): string {
  const arms = rules
    .filter((r) => r.outcome === 'reduce')
    .map((r) => `    when ${lit(r.id)} then ${reducedLevelSql(r)}`)
  return arms.length ? `case ${idCol}\n${arms.join('\n')}\n  end` : 'null::varchar'
}
