/**
 * `relief models`: the compiled SQL of every model, for auditors. The same files are committed in
 * sql/compiled/ (`npm run sql:compile`), so a change to a rule or a model shows up in review as SQL.
 * Paths are written relative to the project and the input files as a placeholder, so the text is the
 * same on every machine; only run_params carries the as-of date.
 */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FOLDED_MODELS } from '../../sql/folded-models.ts'
import { MODELS } from '../../sql/models.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { writeCompiledModels } from './build-models.ts'
import { todayIso } from './run-options.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'

/** The as-of date of the committed sql/compiled/ copy. */
export const COMPILED_AS_OF = '2026-01-01'

/**
 * Writes NN_<model>.sql for every model, and in folded/ the models a run builds instead when the native reader
 * read its input (sql/folded-models.ts: its tables, and the five models built from them); returns the paths.
 */
export function writeModels(out: string, asOf: string = todayIso()): string[] {
  const ctx = {
    rawSource: rawSourceSql([{ path: '<input files>', hasHeader: true, bytes: 0 }]),
    asOf,
    county: null,
    policyName: 'statute',
    policy: resolvePolicy('statute'),
    referenceDir: 'data-contracts/reference',
  }
  return [
    ...writeCompiledModels(resolve(out), ctx),
    ...writeCompiledModels(
      join(resolve(out), 'folded'),
      ctx,
      FOLDED_MODELS.filter((m) => !MODELS.includes(m)),
    ),
  ]
}

// `npm run sql:compile`: refresh the committed copy.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = resolve(import.meta.dirname, '../../sql/compiled')
  // A renumbered or removed model must not leave its old file behind.
  rmSync(dir, { recursive: true, force: true })
  const files = writeModels(dir, COMPILED_AS_OF)
  process.stdout.write(`${files.length} models written to ${dir}\n`)
}
