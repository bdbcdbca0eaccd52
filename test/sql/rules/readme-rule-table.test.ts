/**
 * The README's statute rule table is generated from the registry (npm run docs:rules), never written by hand:
 * this fails when the two differ, and checks the generator itself on hand-made rules.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { STATUTE_RULES } from '../../../sql/rules/statute/registry.ts'
import {
  RULE_TABLE_END,
  RULE_TABLE_START,
  ruleTableMarkdown,
  withRuleTable,
} from '../../../sql/rules/rule-table.ts'
import { rule } from '../../../sql/rules/rule.ts'

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')

describe('README statute rule table', () => {
  it('is exactly what the registry generates (run `npm run docs:rules` after changing a rule)', () => {
    const a = README.indexOf(RULE_TABLE_START)
    const b = README.indexOf(RULE_TABLE_END)
    expect(a).toBeGreaterThan(-1)
    expect(b).toBeGreaterThan(a)
    expect(README.slice(a + RULE_TABLE_START.length, b).trim()).toBe(ruleTableMarkdown(STATUTE_RULES))
    expect(withRuleTable(README, STATUTE_RULES)).toBe(README)
  })

  it('gives every statute rule a one-line summary for the table', () => {
    expect(STATUTE_RULES.filter((r) => !r.summary).map((r) => r.id)).toEqual([])
  })

  it('lists rules in precedence order, with the reduced level and escaped pipes', () => {
    const rules = [
      rule({
        id: 'X-2',
        layer: 'statute',
        outcome: 'reduce',
        citation: 'c',
        reason: 'r',
        when: 'true',
        summary: 'a | b',
        reducedLevel: 'infraction',
      }),
      rule({
        id: 'X-1',
        layer: 'statute',
        outcome: 'review',
        citation: 'c',
        reason: 'only a reason',
        when: 'true',
      }),
    ]
    expect(ruleTableMarkdown(rules).split('\n')).toEqual([
      '| # | id | outcome | when |',
      '|---|---|---|---|',
      '| 1 | X-2 | reduce (infraction) | a \\| b |',
      '| 2 | X-1 | review | only a reason |',
    ])
  })

  it('refuses a README without the markers, and a reduce rule that does not say what it reduces to', () => {
    expect(() => withRuleTable('# no table here', STATUTE_RULES)).toThrow(/markers are missing/)
    expect(() =>
      rule({ id: 'X-3', layer: 'statute', outcome: 'reduce', citation: 'c', reason: 'r', when: 'true' }),
    ).toThrow(/reducedLevel/)
  })
})
