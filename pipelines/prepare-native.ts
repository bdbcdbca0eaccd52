/**
 * `npm ci` / `npm install` (postinstall): compiles the project's C programs once, so that no run pays for them.
 * Never fails the install: where one cannot be built, runs do its work in DuckDB or JavaScript and say why (the
 * manifest's `reader`; the motions are drawn in JavaScript).
 */
import { nativeReader } from './ingest/native/native-fold.ts'
import { motionDrawer } from './outputs/native-motions.ts'

const reader = await nativeReader()
process.stdout.write(
  'path' in reader
    ? `record-relief: native reader ready (${reader.path})\n`
    : `record-relief: native reader not built (${reader.why}); runs will read extracts with DuckDB\n`,
)
const drawer = await motionDrawer()
process.stdout.write(
  'path' in drawer
    ? `record-relief: native motion drawer ready (${drawer.path})\n`
    : `record-relief: native motion drawer not built (${drawer.why}); runs will draw motions in JavaScript\n`,
)
