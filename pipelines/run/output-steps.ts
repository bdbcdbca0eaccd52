/**
 * The outputs a run writes after the determinations exist, in order. `relief run` calls every step;
 * `relief export …` / `relief report` call one step again from an existing run folder (same code, same bytes).
 * Each step reads the database and writes files; none of them changes a determination.
 */
import type { Db } from '../lib/duckdb.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import { motionsStep } from '../../reports/motions/motions-step.ts'
import { dojResultsStep } from '../export/doj-results-step.ts'
import { summaryStep } from '../export/summary-step.ts'
import { reportStep } from '../../reports/report/report-step.ts'

export interface OutputContext {
  db: Db
  /** Absolute run folder. */
  out: string
  runId: string
  asOf: string
  manifest: Manifest
}

export interface OutputStep {
  /** Name used by `relief export <name>` and in the progress lines. */
  readonly name: string
  /** Returns the files written, relative to the run folder. */
  write(ctx: OutputContext): Promise<string[]>
}

/** Registered steps, in run order. Each feature adds its own line here. */
export const OUTPUT_STEPS: OutputStep[] = [motionsStep, dojResultsStep, summaryStep, reportStep]
