/**
 * `npm ci` / `npm install` (postinstall): compiles the native reader once, so that no run pays for it. Never fails
 * the install: where it cannot be built, runs read with DuckDB and their manifest says why.
 */
import { nativeReader } from './native-fold.ts'

const r = await nativeReader()
process.stdout.write(
  'path' in r
    ? `record-relief: native reader ready (${r.path})\n`
    : `record-relief: native reader not built (${r.why}); runs will read extracts with DuckDB\n`,
)
