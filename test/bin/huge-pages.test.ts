import { afterAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hugePageLibrary, hugePageMode } from '../../bin/huge-pages.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// Entries must sit inside the project (the launcher bundles paths from its root); test/artifacts is ignored by git.
const REL = `test/artifacts/huge-pages-${process.pid}`
const DIR = join(ROOT, REL)
// Where the kernel hands out huge pages only on request and a C compiler is here, `relief` starts again with the
// library preloaded; elsewhere (and with RELIEF_HUGE_PAGES=0) it runs as it is.
const ACTIVE = process.platform === 'linux' && hugePageMode() === 'madvise' && hugePageLibrary() !== undefined

afterAll(() => rmSync(DIR, { recursive: true, force: true }))

function launch(entry: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, ['bin/launch.js', `${REL}/${entry}`, 'one', 'two'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RELIEF_HUGE_PAGES: undefined, LD_PRELOAD: undefined, ...env },
  })
  return { code: r.status, signal: r.signal, out: r.stdout.trim(), err: r.stderr }
}

/** Starts wait.ts through the launcher; resolves once it runs, with the ids it printed. */
async function startWait() {
  const child = spawn(process.execPath, ['bin/launch.js', `${REL}/wait.ts`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, RELIEF_HUGE_PAGES: undefined },
  })
  const seen = await new Promise<{ pid: number; relief: number }>((r) =>
    child.stdout.once('data', (d: Buffer) => r(JSON.parse(d.toString()))),
  )
  return { child, seen }
}

describe('bin/huge-pages.js', () => {
  mkdirSync(DIR, { recursive: true })
  // Reports whether the library is loaded, what its children are given, and whether a large mapping it makes is
  // marked for huge pages ("hg" among the mapping's VmFlags in /proc/self/smaps).
  writeFileSync(
    join(DIR, 'probe.ts'),
    `import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
const big = Buffer.alloc(64 << 20, 1) // malloc'd by the C library, whose own mmap the library does not see
const maps = readFileSync('/proc/self/maps', 'utf8')
const childPreload = execFileSync('sh', ['-c', 'printf %s "$LD_PRELOAD"'], { encoding: 'utf8' })
console.log(JSON.stringify({ loaded: maps.includes('huge-page-mmap'), childPreload, args: process.argv.slice(2), big: big.length }))
`,
  )
  writeFileSync(join(DIR, 'exit.ts'), `process.exit(7)\n`)
  writeFileSync(
    join(DIR, 'wait.ts'),
    `import { reliefPid } from '../../../pipelines/lib/relief-pid.ts'\n` +
      `console.log(JSON.stringify({ pid: process.pid, relief: reliefPid() })); setTimeout(() => {}, 60_000)\n`,
  )

  // Modules written a moment ago are run through tsx, not kept in a bundle (launch.js): these are dated in the past,
  // so they run as `relief` does.
  for (const f of ['probe.ts', 'exit.ts', 'wait.ts']) utimesSync(join(DIR, f), 1_600_000_000, 1_600_000_000)

  it.runIf(ACTIVE)(
    'starts the program again with the library preloaded, the same arguments, and its children without it',
    () => {
      const r = launch('probe.ts')
      expect(r.code, r.err).toBe(0)
      expect(JSON.parse(r.out)).toEqual({
        loaded: true,
        childPreload: '',
        args: ['one', 'two'],
        big: 64 << 20,
      })
    },
  )

  it.runIf(ACTIVE)("gives the program's children the LD_PRELOAD the user had", () => {
    const mine = '/lib/x86_64-linux-gnu/libm.so.6'
    const r = launch('probe.ts', { LD_PRELOAD: mine })
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ loaded: true, childPreload: mine })
  })

  it('runs the program as it is with RELIEF_HUGE_PAGES=0', () => {
    const r = launch('probe.ts', { RELIEF_HUGE_PAGES: '0' })
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ loaded: false, args: ['one', 'two'] })
  })

  it('exits with the started program’s status', () => {
    expect(launch('exit.ts').code).toBe(7)
    expect(launch('exit.ts', { RELIEF_HUGE_PAGES: '0' }).code).toBe(7)
  })

  it.runIf(ACTIVE)(
    'passes a signal sent to it on to the started program, and ends by that signal',
    async () => {
      const { child } = await startWait()
      const ended = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)))
      child.kill('SIGTERM')
      expect(await ended).toBe('SIGTERM')
    },
  )

  it.runIf(ACTIVE)(
    'names files by the process the user started, and ends with it when that one is killed',
    async () => {
      const { child, seen } = await startWait()
      expect(seen.pid).not.toBe(child.pid)
      expect(seen.relief).toBe(child.pid)
      const ended = new Promise((r) => child.on('exit', r))
      child.kill('SIGKILL')
      await ended
      const alive = () => {
        try {
          process.kill(seen.pid, 0)
          return true
        } catch {
          return false
        }
      }
      const deadline = Date.now() + 5_000
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(alive()).toBe(false)
    },
  )

  it.runIf(ACTIVE)("marks DuckDB's large mappings for huge pages, and none without the library", () => {
    writeFileSync(
      join(DIR, 'mapping.ts'),
      // Node's own Buffer does not reach mmap through the library; a WebAssembly memory does (V8 maps it itself
      // only with PROT_NONE first, so it is left alone). A DuckDB table is what the library is for: filled here.
      `import { DuckDBInstance } from '@duckdb/node-api'
import { readFileSync } from 'node:fs'
const db = await DuckDBInstance.create(':memory:')
const con = await db.connect()
await con.run('create table t as select range as a, repeat(\\'x\\', 40) as b from range(2000000)')
const smaps = readFileSync('/proc/self/smaps', 'utf8').split(/\\n(?=[0-9a-f]+-[0-9a-f]+ )/)
const marked = smaps.filter((m) => / hg( |$)/m.test(m.split('\\n').find((l) => l.startsWith('VmFlags:')) ?? ''))
console.log(JSON.stringify({ marked: marked.length }))
`,
    )
    const on = launch('mapping.ts')
    expect(on.code, on.err).toBe(0)
    expect(JSON.parse(on.out).marked).toBeGreaterThan(0)
    const off = launch('mapping.ts', { RELIEF_HUGE_PAGES: '0' })
    expect(off.code, off.err).toBe(0)
    expect(JSON.parse(off.out).marked).toBe(0)
  })
})
