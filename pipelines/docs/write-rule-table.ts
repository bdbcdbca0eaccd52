/** Rewrites the statute rule table in README.md from the registry (npm run docs:rules). */
import { readFileSync, writeFileSync } from 'node:fs'
import { STATUTE_RULES } from '../../sql/rules/statute/registry.ts'
import { withRuleTable } from '../../sql/rules/rule-table.ts'

const readme = new URL('../../README.md', import.meta.url)
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8'), STATUTE_RULES))
