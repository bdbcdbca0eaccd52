// Bundles of the project kept in node_modules/.cache/record-relief/: one ES module file per entry (the CLI, the
// demo, a worker thread), built by esbuild and kept with the size and modification time of every file it holds,
// so a later start loads it without building it again; a change to any of those files builds it again.
//
// The packages are bundled too, bar those that must load from their own folder (NOT_BUNDLED): Node's loader
// resolving and compiling each of a package's files one by one was most of a start. `relief --version` took
// 0.84 s with the packages left to Node and 0.33 s with them bundled, and the report's worker thread 0.66–0.81
// CPU-s to load against 0.17–0.23.
//
// Kept inside the project, so Node finds the packages left out from it.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CACHE = join(ROOT, 'node_modules', '.cache', 'record-relief')

// Spelled in two pieces: this file is bundled too (into the install step, which builds the CLI's bundle), and its
// own import.meta is written in there, which must leave these texts alone.
const META = ['import', 'meta'].join('.')

// Part of every bundle's key: a change to how bundles are built makes the old ones stale.
const FORMAT = 4

/**
 * Packages left to Node: native addons (their .node file is found beside their own code), esbuild and tsx (they
 * start programs and loaders of their own), and the browser driver, which the run does not load.
 */
export const NOT_BUNDLED = [
  '@duckdb/node-bindings',
  '@duckdb/node-bindings-*',
  '@resvg/resvg-js',
  'esbuild',
  'tsx',
  'tsx/*',
  'playwright-core',
]

/** A bundled CommonJS package may call require(); an ES module has none of its own. */
export const REQUIRE_BANNER = `import { createRequire as __reliefRequire } from 'node:module'; const require = __reliefRequire(${META}.url);`

/** The key of a bundle made by this esbuild and this Node. */
export function bundleKey() {
  const esbuild = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8'),
  ).version
  return `${FORMAT} ${esbuild} ${process.version}`
}

/**
 * The files whose size and modification time stand for a bundle's inputs: each of the project's own files, and
 * for a package's files its package.json, which installing the package again (the only way it changes) writes.
 * Stamping each of the packages' 1,100 files cost about 0.05 s of every start.
 */
export function stampedFiles(inputs) {
  const files = inputs.map((f) => {
    const pkg = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]
    return pkg && existsSync(join(ROOT, pkg, 'package.json')) ? `${pkg}/package.json` : f
  })
  return [...new Set(files)]
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

/** The kept bundle of an entry, if every file it holds is unchanged since it was built; else undefined. */
export function keptBundle(name, key) {
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

/**
 * Keeps a bundle just built (`code`, from `inputs`: esbuild's metafile inputs, paths from the project root) and
 * returns its path. `started`: when the build began (ms since the epoch).
 */
export function keepBundle(name, key, code, inputs, started) {
  const stamped = stamps(stampedFiles(inputs))
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
  const settled = Object.values(stamped).every(([, mtime]) => mtime < started - 1000)
  if (settled) writeWhole(join(CACHE, `${name}.json`), JSON.stringify({ key, bundle, inputs: stamped }))
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

/**
 * import.meta.url, .dirname and .filename of each of the project's modules (not the packages'), written in as that
 * module's own values.
 */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.(ts|js)$/ }, async (args) => {
      // A package's own code is loaded as it is.
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined
      const source = await readFile(args.path, 'utf8')
      const contents = source.includes(META)
        ? source
            .replaceAll(`${META}.url`, JSON.stringify(pathToFileURL(args.path).href))
            .replaceAll(`${META}.dirname`, JSON.stringify(dirname(args.path)))
            .replaceAll(`${META}.filename`, JSON.stringify(args.path))
        : source
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' }
    })
  },
}

/**
 * esbuild's options for one entry's bundle, kept in memory with the metafile whose inputs keepBundle stamps. With
 * `packages` (the default) every package is bundled but NOT_BUNDLED; without, the entry may import none but Node's
 * own modules (a standalone worker, checked by its caller). The worker bundles (pipelines/lib/worker-module.ts) use
 * them too.
 */
export const bundleOptions = (entryPath, { packages = true } = {}) => ({
  entryPoints: [entryPath],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The metafile's paths are from here: the stamps are taken from the project root.
  absWorkingDir: ROOT,
  ...(packages ? { external: NOT_BUNDLED, banner: { js: REQUIRE_BANNER } } : {}),
  write: false,
  metafile: true,
  logLevel: 'silent',
})

async function buildBundle(entryPath, name, key) {
  const { build } = await import('esbuild')
  const started = Date.now()
  const result = await build({ ...bundleOptions(entryPath), plugins: [ownImportMeta] })
  return keepBundle(name, key, result.outputFiles[0].contents, Object.keys(result.metafile.inputs), started)
}

/**
 * The kept bundle of a .ts entry point (a path from the project root), built now if there is none or a file it
 * holds has changed. Throws where none can be built or kept.
 */
export async function bundledEntry(entry) {
  const entryPath = join(ROOT, entry)
  const name = relative(ROOT, entryPath).replace(/\.ts$/, '').replaceAll(/[\\/]/g, '-')
  const key = bundleKey()
  return keptBundle(name, key) ?? (await buildBundle(entryPath, name, key))
}
