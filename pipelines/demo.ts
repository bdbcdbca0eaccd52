/**
 * `npm run demo`: generate the seeded synthetic statewide extract, run it, and say where everything is.
 * No real data is needed or touched.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateExtract } from './generate/generate-extract.ts'
import { generateCourtIndex } from './generate/court-index.ts'
import { reconcileCourtIndex } from './reconcile/reconcile-run.ts'
import { runPipeline } from './run/run-pipeline.ts'
import { outPaths } from './lib/paths.ts'

const OUT = resolve('out/demo')
// Generated inputs live beside the run folder, not in it: a run replaces its folder whole.
const DATA = resolve('out/demo-data')
const SUBJECTS = 100_000
const SEED = 64
const AS_OF = '2026-01-01'

const started = performance.now()
mkdirSync(DATA, { recursive: true })
const extract = join(DATA, `synthetic-doj-${SUBJECTS}-seed${SEED}.csv`)
if (!existsSync(extract)) {
  process.stderr.write(`generating ${SUBJECTS} synthetic subjects (seed ${SEED}) …\n`)
  const g = await generateExtract({ subjects: SUBJECTS, seed: SEED, out: extract })
  process.stderr.write(`  ${g.rows} rows in ${g.seconds.toFixed(1)} s\n`)
}
// The run first (its report waits for the court models), then the court's own case index for the same people
// (with cases the DOJ list lacks), drawn from the run's own convictions, then the two reconciled.
const run = await runPipeline({ inputs: [extract], out: OUT, asOf: AS_OF, skipOutputs: ['report'] })
const courtIndex = join(DATA, `synthetic-court-index-${SUBJECTS}-seed${SEED}.csv`)
if (!existsSync(courtIndex)) {
  process.stderr.write(`generating the matching court case index …\n`)
  await generateCourtIndex({ doj: extract, out: courtIndex, seed: SEED, runDb: outPaths(run.out).db })
}
const r = await reconcileCourtIndex(run, {
  inputs: [extract],
  courtIndex: [courtIndex],
  out: OUT,
  asOf: AS_OF,
})
const m = r.manifest
const c = r.court.counts
const secs = ((performance.now() - started) / 1000).toFixed(1)
process.stdout.write(`
record-relief demo (synthetic data, seed ${SEED}, as of ${AS_OF}) finished in ${secs} s, run ${r.runId}

  rows read ${m.totals.rows_read}, loaded ${m.totals.rows_loaded}, rejected ${m.totals.rows_rejected} (balanced: ${m.totals.balanced})
  in-scope Prop 64 counts ${m.counts.in_scope_counts} for ${m.counts.subjects} people
  ${Object.entries(m.counts.by_determination)
    .map(([k, v]) => `${k}: ${v}`)
    .join('   ')}

  court index: ${r.court.totals.rows_loaded} charges; ${c.court_only} court-only cannabis convictions the DOJ list missed
  (${c.court_only_people} people), decided by the same rules: ${Object.entries(c.court_only_by_determination)
    .map(([k, v]) => `${k}: ${v}`)
    .join('   ')}
  DOJ-only counts ${c.doj_only}, disagreeing pairs ${c.mismatches}  (restricted/reconcile/)

  ${join(OUT, 'count_determinations.csv')}   one row per count, with rule id, citation and reason
  ${join(OUT, 'manifest.json')}              input hashes, options, version, reconciliation
  ${join(OUT, 'rejects.csv')}                every line not loaded, with its line number and reason
  try:  npx relief explain --out ${OUT} --subject <SUBJECT_ID>
`)
