/**
 * `relief models`: the compiled SQL of every model, for auditors. The same files are committed in
 * sql/compiled/ (`npm run sql:compile`), so a change to a rule or a model shows up in review as SQL.
 * Paths are written relative to the project and the input files as a placeholder, so the text is the
 * same on every machine; only run_params carries the as-of date.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { writeCompiledModels } from './build-models.ts'
import { todayIso } from './run-options.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'

/** The as-of date of the committed sql/compiled/ copy. */
export const COMPILED_AS_OF = '2026-01-01'

export function writeModels(out: string, asOf: string = todayIso()): string[] {
  return writeCompiledModels(resolve(out), {
    rawSource: rawSourceSql([{ path: '<input files>', hasHeader: true, bytes: 0 }]),
    asOf,
    county: null,
    policyName: 'statute',
    policy: resolvePolicy('statute'),
    referenceDir: 'data-contracts/reference',
  })
}

// `npm run sql:compile`: refresh the committed copy.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = resolve(import.meta.dirname, '../../sql/compiled')
  // A renumbered or removed model must not leave its old file behind.
  rmSync(dir, { recursive: true, force: true })
  const files = writeModels(dir, COMPILED_AS_OF)
  process.stdout.write(`${files.length} models written to ${dir}\n`)
}
