import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stampedFiles } from '../../bin/kept-bundle.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// Entries must sit inside the project (the launcher bundles paths from its root); test/artifacts is ignored by git.
const REL = `test/artifacts/launch-${process.pid}`
const DIR = join(ROOT, REL)
const CACHE = join(ROOT, 'node_modules', '.cache', 'record-relief')
const NAME = `${REL}/entry`.replaceAll('/', '-')

function launch(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/launch.js', `${REL}/entry.ts`, 'one', 'two'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  return { code: r.status, out: r.stdout.trim(), err: r.stderr }
}

function writeModule(word: string, mtime: number) {
  const f = join(DIR, 'beside.ts')
  writeFileSync(
    f,
    `import { readFileSync } from 'node:fs'\n` +
      `import { dirname } from 'node:path'\n` +
      `export const word: string = '${word}'\n` +
      `// Its own file and folder, as import.meta gives them to a module run as it is.\n` +
      `export const own = (): boolean => import.meta.filename.endsWith('beside.ts') && import.meta.dirname === dirname(import.meta.filename) && import.meta.url.endsWith('/beside.ts')\n` +
      `// A file found beside this module, as the project's modules find their reference data.\n` +
      `export const note = (): string => readFileSync(new URL('./note.txt', import.meta.url), 'utf8').trim()\n`,
  )
  utimesSync(f, mtime, mtime)
}

/** The bundle the launcher keeps for the test's entry, as its stamp file names it. */
const keptCode = () => {
  const kept = JSON.parse(readFileSync(join(CACHE, `${NAME}.json`), 'utf8')) as { bundle: string }
  return readFileSync(join(CACHE, kept.bundle), 'utf8')
}

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true })
  const mine = `${REL.replaceAll('/', '-')}-`
  for (const f of readdirSync(CACHE)) if (f.startsWith(mine)) rmSync(join(CACHE, f), { force: true })
})

describe('bin/launch.js', () => {
  mkdirSync(DIR, { recursive: true })
  writeFileSync(join(DIR, 'note.txt'), 'found beside\n')
  writeFileSync(
    join(DIR, 'entry.ts'),
    `import { note, own, word } from './beside.ts'\nconsole.log([word, note(), own(), ...process.argv.slice(2)].join('|'))\n`,
  )
  // Modules written a moment ago are not kept (they may still be changing): these are dated in the past.
  utimesSync(join(DIR, 'entry.ts'), 1_600_000_000, 1_600_000_000)

  it('runs an entry from its bundle, each module keeping its own import.meta (url, dirname, filename), with the arguments after it', () => {
    writeModule('first', 1_700_000_000)
    const r = launch()
    expect(r.err).toBe('')
    expect(r.out).toBe('first|found beside|true|one|two')
    // The bundle is kept with the modules it holds.
    const kept = JSON.parse(readFileSync(join(CACHE, `${NAME}.json`), 'utf8')) as { inputs: object }
    expect(Object.keys(kept.inputs).sort()).toEqual([`${REL}/beside.ts`, `${REL}/entry.ts`])
    expect(keptCode()).toContain('"first"')
  })

  it('builds again when a module it holds changes', () => {
    writeModule('second', 1_700_000_100)
    expect(launch().out).toBe('second|found beside|true|one|two')
  })

  it('keeps no bundle of a module changed a moment ago, and runs it all the same', () => {
    writeModule('fresh', Date.now() / 1000)
    expect(launch().out).toBe('fresh|found beside|true|one|two')
    expect(keptCode()).toContain('"second"') // the stamp file still lists the last settled build
    writeModule('second', 1_700_000_100)
  })

  it('runs the same entry through tsx with RELIEF_NO_BUNDLE=1', () => {
    writeModule('third', 1_700_000_200)
    expect(launch({ RELIEF_NO_BUNDLE: '1' }).out).toBe('third|found beside|true|one|two')
    // The kept bundle is untouched by a tsx run: it still holds the second version.
    expect(keptCode()).toContain('"second"')
  })

  it('bundles the packages an entry uses, bar those Node loads from their own folder, and keeps a .js module its own import.meta', () => {
    const rel = `${REL}/packages`
    writeFileSync(join(DIR, 'own.js'), `export const ownJs = () => import.meta.url.endsWith('/own.js')\n`)
    writeFileSync(
      join(DIR, 'packages.ts'),
      `import { parse } from 'yaml'\nimport { Resvg } from '@resvg/resvg-js'\nimport { ownJs } from './own.js'\n` +
        `console.log([parse('a: 1').a, typeof Resvg, ownJs()].join('|'))\n`,
    )
    for (const f of ['own.js', 'packages.ts']) utimesSync(join(DIR, f), 1_600_000_000, 1_600_000_000)
    const r = spawnSync(process.execPath, ['bin/launch.js', `${rel}.ts`], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('1|function|true')
    const name = rel.replaceAll('/', '-')
    const kept = JSON.parse(readFileSync(join(CACHE, `${name}.json`), 'utf8')) as {
      bundle: string
      inputs: object
    }
    // yaml's modules are in the bundle, stamped by its package.json alone; resvg (a native addon) is imported
    // from its folder.
    expect(Object.keys(kept.inputs).filter((f) => f.startsWith('node_modules/yaml/'))).toEqual([
      'node_modules/yaml/package.json',
    ])
    const code = readFileSync(join(CACHE, kept.bundle), 'utf8')
    expect(code).toMatch(/^import .* from "@resvg\/resvg-js";$/m)
    expect(code).not.toMatch(/from "yaml"/)
  })
})

describe('stampedFiles', () => {
  it("stamps the project's own files each, and a package's files by its package.json, the innermost package's", () => {
    expect(
      stampedFiles([
        'pipelines/cli.ts',
        'node_modules/yaml/dist/index.js',
        'node_modules/yaml/dist/parse/lexer.js',
        'node_modules/@duckdb/node-api/lib/index.js',
        'node_modules/@observablehq/plot/src/plot.js',
        'node_modules/@observablehq/plot/node_modules/d3/src/index.js',
        'node_modules/no-such-package/index.js',
      ]),
    ).toEqual([
      'pipelines/cli.ts',
      'node_modules/yaml/package.json',
      'node_modules/@duckdb/node-api/package.json',
      'node_modules/@observablehq/plot/package.json',
      // Not installed here: no package.json to stand for it, so the file itself.
      'node_modules/@observablehq/plot/node_modules/d3/src/index.js',
      'node_modules/no-such-package/index.js',
    ])
  })
})
