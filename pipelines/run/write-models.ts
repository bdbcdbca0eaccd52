/** `relief models`: the compiled SQL of every model, with placeholder inputs, for auditors. */
import { resolve } from 'node:path'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { writeCompiledModels } from './build-models.ts'
import { todayIso } from './run-options.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'

export function writeModels(out: string): string[] {
  return writeCompiledModels(resolve(out), {
    rawSource: rawSourceSql([{ path: '<input files>', hasHeader: true, bytes: 0 }]),
    asOf: todayIso(),
    county: null,
    policyName: 'statute',
    policy: resolvePolicy('statute'),
    referenceDir: REFERENCE_DIR,
  })
}
