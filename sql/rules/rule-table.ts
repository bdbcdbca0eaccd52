import type { Rule } from './rule.ts'

/** The comments that fence the generated rule table in README.md. */
export const RULE_TABLE_START =
  '<!-- statute-rules:start (generated from sql/rules/statute/registry.ts: npm run docs:rules) -->'
export const RULE_TABLE_END = '<!-- statute-rules:end -->'

const cell = (s: string) => s.replace(/\s+/g, ' ').replaceAll('|', '\\|').trim()

/**
 * The README's statute rule table, from the registry: one row per rule in precedence order (the first rule that
 * holds decides), so the table can never disagree with the rules that run. Pure: rules in, markdown out.
 */
export function ruleTableMarkdown(rules: readonly Rule[]): string {
  const rows = rules.map((r, i) => {
    const level =
      r.reducedLevel === undefined
        ? ''
        : ` (${typeof r.reducedLevel === 'string' ? r.reducedLevel : r.reducedLevel.label})`
    return `| ${i + 1} | ${r.id} | ${r.outcome}${level} | ${cell(r.summary ?? r.reason)} |`
  })
  return ['| # | id | outcome | when |', '|---|---|---|---|', ...rows].join('\n')
}

/** README text with the fenced table replaced; throws when the fences are missing. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const a = readme.indexOf(RULE_TABLE_START)
  const b = readme.indexOf(RULE_TABLE_END)
  if (a < 0 || b < a) throw new Error('README.md: the statute rule table markers are missing')
  return `${readme.slice(0, a + RULE_TABLE_START.length)}\n${ruleTableMarkdown(rules)}\n${readme.slice(b)}`
}
