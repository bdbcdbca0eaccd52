// Starts a TypeScript entry point (the CLI, the demo) as one esbuild bundle of the project's modules, with
// the packages left to Node. Loading the ~200 .ts modules through tsx sends every import to tsx's loader
// thread and back; the demo took 18.4–18.9 s this way against 20.7–21.5 s through tsx, alternating.
//
// The bundle is kept in node_modules/.cache/record-relief/ (inside the project, so Node finds the packages
// from it) with the size and modification time of every module it holds, and rebuilt when one changes.
// Each module keeps its own import.meta.url, so the files a module finds beside itself are still found.
// Where no bundle can be built or kept (a read-only install), or with RELIEF_NO_BUNDLE=1 (stack traces
// that point at the .ts files), the entry runs through tsx as before.
//
// Use: `node bin/launch.js <entry.ts> [args...]`, or `launch(entry)` from another bin file.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CACHE = join(ROOT, 'node_modules', '.cache', 'record-relief')
// Part of every bundle's key: a change to how bundles are built makes the old ones stale.
const FORMAT = 2

/** import.meta.url, .dirname and .filename of each .ts module, written in as that module's own values. */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const contents = source.includes('import.meta')
        ? source
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path))
        : source
      return { contents, loader: 'ts' }
    })
  },
}

/** Size and modification time of each file, keyed by its path from the project root. */
function stamps(files) {
  return Object.fromEntries(
    files.map((f) => {
      const s = statSync(join(ROOT, f))
      return [f, [s.size, s.mtimeMs]]
    }),
  )
}

/** The kept bundle of an entry, if every module it holds is unchanged since it was built. */
function keptBundle(name, key) {
  try {
    const kept = JSON.parse(readFileSync(join(CACHE, `${name}.json`), 'utf8'))
    if (kept.key !== key) return undefined
    const now = stamps(Object.keys(kept.inputs))
    const same = Object.entries(kept.inputs).every(([f, [size, mtime]]) => {
      const [s, m] = now[f]
      return s === size && m === mtime
    })
    return same ? join(CACHE, kept.bundle) : undefined
  } catch {
    return undefined
  }
}

async function buildBundle(entryPath, name, key) {
  const { build } = await import('esbuild')
  const started = Date.now()
  const result = await build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMeta],
  })
  const inputs = stamps(Object.keys(result.metafile.inputs))
  const code = result.outputFiles[0].contents
  // Named by its content, and listed in the stamp file only once written: runs started together, or a module
  // edited while one builds, never pair a stamp file with another build's bundle.
  const bundle = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`
  mkdirSync(CACHE, { recursive: true })
  const writeWhole = (file, data) => {
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, data)
    renameSync(partial, file)
  }
  writeWhole(join(CACHE, bundle), code)
  // A module changed while the build read it may be in the bundle in either version: then the bundle serves
  // this run only, and the next one builds again.
  const settled = Object.values(inputs).every(([, mtime]) => mtime < started - 1000)
  if (settled) writeWhole(join(CACHE, `${name}.json`), JSON.stringify({ key, bundle, inputs }))
  // Earlier builds of this entry are no longer listed. One listed until a moment ago may be about to load in
  // another run, so only those older than ten minutes go.
  for (const f of readdirSync(CACHE)) {
    const old = join(CACHE, f)
    if (
      f.startsWith(`${name}.`) &&
      f.endsWith('.mjs') &&
      f !== bundle &&
      statSync(old).mtimeMs < started - 600_000
    )
      rmSync(old, { force: true })
  }
  return join(CACHE, bundle)
}

/** Runs a .ts entry point (a path from the project root) from its bundle, or through tsx. */
export async function launch(entry) {
  const entryPath = join(ROOT, entry)
  if (process.env.RELIEF_NO_BUNDLE !== '1') {
    let bundle
    try {
      const esbuildVersion = JSON.parse(
        readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8'),
      ).version
      const name = relative(ROOT, entryPath).replace(/\.ts$/, '').replaceAll(/[\\/]/g, '-')
      const key = `${FORMAT} ${esbuildVersion} ${process.version}`
      bundle = keptBundle(name, key) ?? (await buildBundle(entryPath, name, key))
    } catch {
      bundle = undefined // no bundle here: tsx below
    }
    if (bundle) return import(pathToFileURL(bundle).href)
  }
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(entryPath).href)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry] = process.argv.splice(2, 1)
  if (!entry) {
    process.stderr.write('usage: node bin/launch.js <entry.ts> [args...]\n')
    process.exit(2)
  }
  await launch(entry)
}
