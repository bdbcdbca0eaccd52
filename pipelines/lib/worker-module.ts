/**
 * A worker thread's code as one ES module: its entry and the modules it imports, bundled by esbuild and kept in
 * node_modules/.cache/record-relief with the stamps of the files it holds (bin/kept-bundle.js), so a later run
 * starts it without building it again. Loading the .ts files through tsx instead gives each worker its own loader
 * thread and a round trip to it for every module (see motion-render-pool.ts).
 *
 * Two kinds:
 * - `standalone`: Node's own modules are all it may import, so where nothing can be written it still runs, as a
 *   data: URL;
 * - `packages`: the packages it imports are bundled with it, bar those Node must load from their own folder
 *   (NOT_BUNDLED); where nothing can be written there is no module (the caller works on its own thread).
 *
 * Unlike the CLI's bundle, a worker's modules share the bundle's import.meta.url (esbuild's synchronous build takes
 * no plugin to write in their own): a module a worker loads finds no file beside itself by it.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { bundleKey, bundleOptions, keepBundle, keptBundle } from '../../bin/kept-bundle.js'

/**
 * esbuild, loaded when a worker's bundle must be built, which a run after the install step never needs: imported
 * at the top, it was loaded by every start of the program (its bundle keeps it outside, bin/kept-bundle.js).
 */
const esbuild = () => createRequire(import.meta.url)('esbuild') as typeof import('esbuild')

const built = new Map<string, URL | undefined>()

export function workerModule(entry: string, kind: 'standalone' | 'packages'): URL | undefined {
  if (built.has(entry)) return built.get(entry)
  const name = entry.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')
  const key = bundleKey()
  const kept = keptBundle(name, key)
  if (kept) return remember(entry, pathToFileURL(kept))
  const started = Date.now()
  const result = esbuild().buildSync(bundleOptions(entry, { packages: kind === 'packages' }))
  if (kind === 'standalone') {
    const outside = Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && !i.path.startsWith('node:'))
    if (outside.length)
      throw new Error(`${name} imports ${outside.map((i) => i.path).join(', ')}, not bundled`)
  }
  const code = result.outputFiles[0]!.text
  try {
    return remember(
      entry,
      pathToFileURL(keepBundle(name, key, code, Object.keys(result.metafile.inputs), started)),
    )
  } catch {
    // Nowhere to keep it (a read-only install).
    return remember(
      entry,
      kind === 'standalone' ? new URL(`data:text/javascript,${encodeURIComponent(code)}`) : undefined,
    )
  }
}

function remember(entry: string, url: URL | undefined): URL | undefined {
  built.set(entry, url)
  return url
}
