/**
 * The outputs a run writes after the determinations exist, in order. `relief run` calls every step;
 * `relief export …` / `relief report` call one step again from an existing run folder (same code, same bytes).
 */
import type { OutputStep } from './output-step.ts'
import { motionsStep } from './motions-step.ts'
import { dojResultsStep } from './doj-results-step.ts'
import { summaryStep } from './summary-step.ts'
import { reportStep } from './report-step.ts'

/** Registered steps, in run order. Each feature adds its own line here. */
export const OUTPUT_STEPS: OutputStep[] = [motionsStep, dojResultsStep, summaryStep, reportStep]
