// Starts a TypeScript entry point (the CLI, the demo) as one esbuild bundle of the project's modules and the
// packages they use (bin/kept-bundle.js). Loading the ~200 .ts modules through tsx sends every import to tsx's
// loader thread and back; the demo took 18.4–18.9 s this way against 20.7–21.5 s through tsx, alternating.
//
// The bundle is kept and rebuilt when a file it holds changes (kept-bundle.js). Each of the project's modules
// keeps its own import.meta.url, so the files a module finds beside itself are still found. Where no bundle can be
// built or kept (a read-only install), or with RELIEF_NO_BUNDLE=1 (stack traces that point at the .ts files), the
// entry runs through tsx as before.
//
// Use: `node bin/launch.js <entry.ts> [args...]`, or `launch(entry)` from another bin file.
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundledEntry, ROOT } from './kept-bundle.js'
import { relaunchWithHugePages } from './huge-pages.js'

/** This file is the program run (`node bin/launch.js <entry>`), not imported by bin/relief.js. */
const RUN_AS_MAIN = Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(import.meta.url)

/** Runs a .ts entry point (a path from the project root) from its bundle, or through tsx. */
export async function launch(entry) {
  // Started again with huge pages where they help (huge-pages.js): this process then only waits for that one.
  // Run as `node bin/launch.js <entry>`, the entry was taken out of the arguments (below): it goes back in.
  const args = RUN_AS_MAIN ? [process.argv[1], entry, ...process.argv.slice(2)] : process.argv.slice(1)
  const relaunched = relaunchWithHugePages(args)
  if (relaunched) return relaunched
  const entryPath = join(ROOT, entry)
  if (process.env.RELIEF_NO_BUNDLE !== '1') {
    let bundle
    try {
      bundle = await bundledEntry(entry)
    } catch (e) {
      // Nowhere to keep a bundle (a read-only install) is expected; a bundle that cannot be built is a fault to see.
      if (!['EACCES', 'EPERM', 'EROFS'].includes(e?.code))
        process.stderr.write(
          `relief: no bundle, running through tsx: ${String(e?.message ?? e).split('\n')[0]}\n`,
        )
      bundle = undefined
    }
    if (bundle) return import(pathToFileURL(bundle).href)
  }
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(entryPath).href)
}

if (RUN_AS_MAIN) {
  const [entry] = process.argv.splice(2, 1)
  if (!entry) {
    process.stderr.write('usage: node bin/launch.js <entry.ts> [args...]\n')
    process.exit(2)
  }
  await launch(entry)
}
