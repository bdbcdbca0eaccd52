/**
 * A worker thread's code as one ES module: its entry and the project's modules it imports, bundled by esbuild once
 * per process (about 10–50 ms) and kept in node_modules/.cache/record-relief by its content. Loading the .ts files
 * through tsx instead gives each worker its own loader thread and a round trip to it for every module (see
 * motion-render-pool.ts).
 *
 * Two kinds:
 * - `standalone`: Node's own modules are all it may import, so where nothing can be written it still runs, as a
 *   data: URL;
 * - `packages`: the packages it imports are left to Node, which finds them from the kept file (inside the
 *   project's node_modules); where nothing can be written there is no module (the caller works on its own thread).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildSync } from 'esbuild'
import { writeFileAtomically } from '../export/staged-writes.ts'

/** Where the bundles are kept: beside the launcher's (bin/launch.js), so a stack trace names a file. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/record-relief/', import.meta.url))

/** Bundles of earlier code are removed once no run could still be starting a worker from them. */
const STALE_MS = 3_600_000

const built = new Map<string, URL | undefined>()

export function workerModule(entry: string, kind: 'standalone' | 'packages'): URL | undefined {
  if (built.has(entry)) return built.get(entry)
  const name = entry.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...(kind === 'packages' ? { packages: 'external' as const } : {}),
  })
  if (kind === 'standalone') {
    const outside = Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && !i.path.startsWith('node:'))
    if (outside.length)
      throw new Error(`${name} imports ${outside.map((i) => i.path).join(', ')}, not bundled`)
  }
  const code = result.outputFiles[0]!.text
  const file = join(CACHE_DIR, `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`)
  let url: URL | undefined
  try {
    if (!existsSync(file)) {
      mkdirSync(CACHE_DIR, { recursive: true })
      writeFileAtomically(file, code)
      const mine = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\.\\w+\\.mjs$`)
      for (const f of readdirSync(CACHE_DIR)) {
        const old = join(CACHE_DIR, f)
        if (mine.test(f) && old !== file && statSync(old).mtimeMs < Date.now() - STALE_MS)
          rmSync(old, { force: true })
      }
    }
    url = pathToFileURL(file)
  } catch {
    // Nowhere to keep it (a read-only install).
    url = kind === 'standalone' ? new URL(`data:text/javascript,${encodeURIComponent(code)}`) : undefined
  }
  built.set(entry, url)
  return url
}
