/**
 * `npm ci` / `npm install` (postinstall): compiles the project's C programs and the huge-page preload
 * (bin/huge-pages.js), and bundles the CLI, the demo and the report's worker threads once, so that no run pays for
 * them (bundling them with their packages took about 1.5 s of the first demo after an install). Never fails the
 * install: where a program cannot be built, runs do its work in DuckDB or JavaScript and say why (the manifest's
 * `reader`; the motions are drawn in JavaScript); where a bundle cannot be kept, the first run builds it.
 */
import { bundledEntry } from '../bin/kept-bundle.js'
import { hugePageLibrary } from '../bin/huge-pages.js'
import { nativeReader } from './ingest/native/native-fold.ts'
import { motionDrawer } from './outputs/native-motions.ts'
import { dojLineWriter } from './outputs/doj-native-lines.ts'
import { chartPngWorkerModule, reportWorkerModule } from './outputs/report-renderer.ts'

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
const writer = await dojLineWriter()
process.stdout.write(
  'path' in writer
    ? `record-relief: native DOJ line writer ready (${writer.path})\n`
    : `record-relief: native DOJ line writer not built (${writer.why}); runs will copy the DOJ lines in JavaScript\n`,
)
const huge = hugePageLibrary()
process.stdout.write(
  huge
    ? `record-relief: huge-page preload ready (${huge})\n`
    : 'record-relief: huge-page preload not built; runs fault their memory in 4 KB pages\n',
)
try {
  for (const entry of ['pipelines/cli.ts', 'pipelines/demo.ts']) await bundledEntry(entry)
  reportWorkerModule()
  chartPngWorkerModule()
  process.stdout.write('record-relief: CLI, demo and report workers bundled\n')
} catch (e) {
  process.stdout.write(
    `record-relief: not bundled now (${String((e as Error).message).split('\n')[0]}); the first run will\n`,
  )
}
