/**
 * `npm run demo`: generate the seeded synthetic statewide extract, run it, and say where everything is.
 * No real data is needed or touched.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateExtract } from './generate/generate-extract.ts'
import { keepFreedMemory } from './lib/duckdb.ts'

// The demo's extract is of ordinary size: DuckDB's allocator keeps what its queries free, as a run of it would
// (run-pipeline.ts), decided here because the generator loads DuckDB first.
keepFreedMemory()

// The run's modules (most of the program: about 1 s to load, against 0.35 s for the generator's) load while the
// generator writes the extract, which it does on one DuckDB thread: the other core is free.
const runModules = Promise.all([
  import('./generate/court-index.ts'),
  import('./reconcile/reconcile-run.ts'),
  import('./reconcile/inspect-court-file.ts'),
])
runModules.catch(() => {}) // awaited below

const OUT = resolve('out/demo')
// Generated inputs live beside the run folder, not in it: a run replaces its folder whole.
const DATA = resolve('out/demo-data')
const SUBJECTS = 100_000
const SEED = 64
const AS_OF = '2026-01-01'

const started = performance.now()
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)
mkdirSync(DATA, { recursive: true })
const extract = join(DATA, `synthetic-doj-${SUBJECTS}-seed${SEED}.csv`)
if (!existsSync(extract)) {
  process.stderr.write(`generating ${SUBJECTS} synthetic subjects (seed ${SEED}) …\n`)
  const g = await generateExtract({ subjects: SUBJECTS, seed: SEED, out: extract })
  process.stderr.write(`  ${g.rows} rows in ${g.seconds.toFixed(1)} s\n`)
}
// The run, with the court's own case index for the same people (with cases the DOJ list lacks) drawn from the
// run's own convictions and reconciled with it beside the run's other outputs; the report follows.
const courtIndex = join(DATA, `synthetic-court-index-${SUBJECTS}-seed${SEED}.csv`)
const [{ generateCourtIndex }, { runWithCourtIndex }, { inspectCourtFile }] = await runModules
const r = await runWithCourtIndex(
  { inputs: [extract], out: OUT, asOf: AS_OF },
  existsSync(courtIndex)
    ? { files: [inspectCourtFile(courtIndex)] }
    : {
        generate: async (db) => {
          const t = performance.now()
          await generateCourtIndex({ doj: extract, out: courtIndex, seed: SEED, runCon: db })
          process.stderr.write(`  (court case index drawn from the run in ${seconds(t)} s)\n`)
          return [courtIndex]
        },
      },
)
const m = r.manifest
const c = r.court.counts
const secs = seconds(started)
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
  DOJ-only counts ${c.doj_only}, disagreeing pairs ${c.mismatches}  (restricted/reconcile/; the court-only
  convictions' supplemental motions per court in restricted/reconcile/motions/)

  ${join(OUT, 'count_determinations.csv')}   one row per count, with rule id, citation and reason
  ${join(OUT, 'manifest.json')}              input hashes, options, version, reconciliation
  ${join(OUT, 'rejects.csv')}                every line not loaded, with its line number and reason
  try:  npx relief explain --out ${OUT} --subject <SUBJECT_ID>
`)
