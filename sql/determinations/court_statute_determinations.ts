import type { Model } from '../model.ts'
import { statuteDeterminationsSql } from './elig_statute_determinations.ts'
import { int_court_prop64_counts } from '../intermediate/int_court_prop64_counts.ts'
import { courtStatuteRules } from '../rules/court/court-data-gaps.ts'

/** The statute layer over court-only convictions: the same rules, plus the court data-gap rule (CRT-DATA-01). */
export const court_statute_determinations: Model = {
  name: 'court_statute_determinations',
  layer: 'determination',
  materialized: 'table',
  grain: 'one row per court-only cannabis conviction (subject_id, cnt_order)',
  ruleIds: courtStatuteRules().map((r) => r.id),
  sql: () => statuteDeterminationsSql(int_court_prop64_counts, courtStatuteRules()),
}
