/**
 * The outputs a run writes after the determinations exist, in order. `relief run` calls every step;
 * `relief export …` / `relief report` call one step again from an existing run folder (same code, same bytes).
 */
import type { OutputStep } from './output-step.ts'
import { motionsStep } from './motions-step.ts'
import { dojResultsStep, dojResultsStepFor } from './doj-results-step.ts'
import type { DojRows } from './doj-results-sql.ts'
import { summaryStep } from './summary-step.ts'
import { reportStep } from './report-step.ts'

/** Registered steps, in run order. Each feature adds its own line here. */
export const OUTPUT_STEPS: OutputStep[] = [motionsStep, dojResultsStep, summaryStep, reportStep]

/** The steps with the DOJ files' rows chosen (`--doj-rows`): every other step is the registered one. */
export const outputStepsWith = (dojRows: DojRows = 'counts'): OutputStep[] =>
  OUTPUT_STEPS.map((s) => (s === dojResultsStep ? dojResultsStepFor(dojRows) : s))
