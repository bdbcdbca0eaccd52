/**
 * The determination vocabulary (data-contracts/determinations.ts) as SQL, so no model spells the list, the
 * order or the related-charge marker again.
 */
import {
  OUTCOMES,
  RELATED_CHARGE_RULE_ID,
  RELIEF_DETERMINATIONS,
} from '../../data-contracts/determinations.ts'
import { lit } from './quote.ts'

/** SQL list of values, e.g. ('dismiss', 'reduce'). */
export const sqlList = (values: readonly string[]): string => `(${values.map(lit).join(', ')})`

/** True when the determination in `col` grants relief (dismiss or reduce). */
export const isRelief = (col = 'determination'): string => `${col} in ${sqlList(RELIEF_DETERMINATIONS)}`

/** The related-charge marker as a literal ('P64-SCOPE-01'). */
export const RELATED_CHARGE = lit(RELATED_CHARGE_RULE_ID)

/** True on a related-charge row (a non-Prop 64 conviction a DA policy reaches), read from statute_rule_id. */
export const isRelatedCharge = (col = 'statute_rule_id'): string => `${col} = ${RELATED_CHARGE}`

/** SQL list literal of the outcomes, for zero-filling with a cross join. */
export const OUTCOME_VALUES = `(values ${OUTCOMES.map((o, i) => `(${lit(o)}, ${i})`).join(', ')}) o(outcome, outcome_ord)`

/** Sort key so every mart lists outcomes in the same order (unknown values last). */
export const outcomeOrder = (col = 'outcome'): string =>
  `case ${col} ${OUTCOMES.map((o, i) => `when ${lit(o)} then ${i}`).join(' ')} end`
