/**
 * `npm run demo`: generate the seeded synthetic statewide extract, run it, and say where everything is.
 * No real data is needed or touched.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateExtract } from './generate/generate-extract.ts'
import { runPipeline } from './run/run-pipeline.ts'

const OUT = resolve('out/demo')
const SUBJECTS = 100_000
const SEED = 64
const AS_OF = '2026-01-01'

const started = performance.now()
mkdirSync(OUT, { recursive: true })
const extract = join(OUT, `synthetic-doj-${SUBJECTS}-seed${SEED}.csv`)
if (!existsSync(extract)) {
  process.stderr.write(`generating ${SUBJECTS} synthetic subjects (seed ${SEED}) …\n`)
  const g = await generateExtract({ subjects: SUBJECTS, seed: SEED, out: extract })
  process.stderr.write(`  ${g.rows} rows in ${g.seconds.toFixed(1)} s\n`)
}
const r = await runPipeline({ inputs: [extract], out: OUT, asOf: AS_OF })
const m = r.manifest
const secs = ((performance.now() - started) / 1000).toFixed(1)
process.stdout.write(`
record-relief demo (synthetic data, seed ${SEED}, as of ${AS_OF}) finished in ${secs} s, run ${r.runId}

  rows read ${m.totals.rows_read}, loaded ${m.totals.rows_loaded}, rejected ${m.totals.rows_rejected} (balanced: ${m.totals.balanced})
  in-scope Prop 64 counts ${m.counts.in_scope_counts} for ${m.counts.subjects} people
  ${Object.entries(m.counts.by_determination)
    .map(([k, v]) => `${k}: ${v}`)
    .join('   ')}

  ${join(OUT, 'count_determinations.csv')}   one row per count, with rule id, citation and reason
  ${join(OUT, 'manifest.json')}              input hashes, options, version, reconciliation
  ${join(OUT, 'rejects.csv')}                every line not loaded, with its line number and reason
  try:  npx relief explain --out ${OUT} --subject <SUBJECT_ID>
`)
