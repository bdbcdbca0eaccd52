import type { Rule } from '../rule.ts'
import * as g from './gatekeeping.ts'
import * as d from './disqualifiers.ts'
import * as m from './offense-matrix.ts'
import { P64_DATA_04 } from './incomplete-history.ts'

/**
 * The statute layer, in precedence order: the first rule whose predicate holds decides the count.
 * Timing and data gaps first (a record that contradicts itself before anything read from it), then scope
 * (qualifiers), then disqualifiers, then the offense matrix, then the review fallback.
 */
export const STATUTE_RULES: readonly Rule[] = [
  P64_DATA_04, // an incomplete record decides nothing: before every outcome rule
  g.P64_TIME_04,
  g.P64_TIME_01,
  g.P64_TIME_03,
  g.P64_DATA_01,
  g.P64_TIME_02,
  g.P64_SCOPE_02,
  g.P64_SCOPE_05,
  g.P64_SCOPE_03,
  g.P64_SCOPE_04,
  g.P64_DATA_03,
  d.P64_DATA_02,
  d.P64_DQ_01,
  d.P64_DQ_02,
  d.P64_DQ_04,
  d.P64_DQ_05,
  d.P64_DQ_06,
  d.P64_DQ_03,
  m.P64_11357B_01,
  m.P64_11357_FEL,
  m.P64_11357A_01,
  m.P64_11357A_02,
  m.P64_UNDER21_INFRACTION,
  m.P64_11357C_01,
  m.P64_11357D_01,
  m.P64_11357E_01,
  m.P64_11357_MINOR,
  m.P64_11357_NOSUB,
  m.P64_11358_MISD,
  m.P64_11359_MISD,
  m.P64_11360B_01,
  m.P64_11360B_02,
  m.P64_11360_MISD,
  m.P64_FELONY_REDUCE,
  m.P64_MINOR_REDUCE,
  m.P64_INFRACTION,
  m.P64_REVIEW_99,
]
