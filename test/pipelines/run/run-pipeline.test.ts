/**
 * issue 12, items 3, 6, 7, 8 and 10: a run is built aside and swapped in whole, owner-only from the first
 * byte; a second run, a bad option or a dangerous --db is refused with one line before anything is touched.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { relief } from '../../helpers/run-cli.ts'
import { conviction, writeExtract } from '../../helpers/doj-fixture.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const AS_OF = ['--as-of', '2026-01-01']

/** Every path under `dir` with its mode, sorted: a folder's whole state. */
function snapshot(dir: string): string[] {
  const all: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      const st = statSync(p)
      all.push(`${relative(dir, p)} ${(st.mode & 0o777).toString(8)} ${e.isFile() ? sha(p) : 'dir'}`)
      if (e.isDirectory()) walk(p)
    }
  }
  walk(dir)
  return all.sort()
}
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16)

/** Paths under `dir` (any depth) that a group or other user could read, outside public/. */
function readableByOthers(dir: string): string[] {
  return snapshot(dir)
    .map((l) => l.split(' '))
    .filter(([p, m]) => !p!.split('/').includes('public') && (parseInt(m!, 8) & 0o077) !== 0)
    .map(([p, m]) => `${p} ${m}`)
}

function expectOneLine(r: { code: number; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines.at(-1)).toMatch(pattern)
  expect(lines.filter((l) => l.startsWith('relief:'))).toHaveLength(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

const rows = [
  ...conviction({
    subject: '1',
    cnt: '001',
    offense: '11357 HS-POSS MARIJUANA',
    convicted: '20100101',
    level: 'MISDEMEANOR',
  }),
  ...conviction({
    subject: '2',
    cnt: '001',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20120101',
  }),
]

describe('relief run: a run folder holds one complete run', () => {
  let root: string
  let extract: string
  let out: string
  let before: string[]
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'relief-run-safety-'))
    extract = writeExtract(rows, { dir: root })
    out = join(root, 'run')
    const r = relief(['run', '--input', extract, '--out', out, ...AS_OF])
    expect(r.stderr).not.toMatch(/relief:/)
    expect(r.code).toBe(0)
    before = snapshot(out)
  }, 120_000)

  it('is owner-only outside public/, and its manifest says complete with every listed file present', () => {
    expect(statSync(out).mode & 0o777).toBe(0o700)
    expect(readableByOthers(out)).toEqual([])
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(m.status).toBe('complete')
    for (const f of m.outputs as string[]) expect(existsSync(join(out, f)), f).toBe(true)
    // Nothing of the machinery is left beside --out.
    expect(readdirSync(root).sort()).toEqual(['extract.csv', 'run'])
  })

  it.each([
    [['--memory-limit', '4XB'], /--memory-limit 4XB: expected a size/],
    [['--threads', '0'], /--threads 0: expected a whole number/],
    [['--as-of', '2026-02-30'], /--as-of 2026-02-30: expected a real date/],
    [['--county', 'Atlantis'], /--county Atlantis: not a California county/],
    [
      ['--db', '/no/such/folder/x.duckdb'],
      /--db \/no\/such\/folder\/x\.duckdb: the folder \/no\/such\/folder does not exist/,
    ],
  ])('refuses %j with one line and leaves the earlier run as it was', (args, pattern) => {
    const r = relief(['run', '--input', extract, '--out', out, ...AS_OF, ...args])
    expectOneLine(r, pattern)
    expect(snapshot(out)).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['extract.csv', 'run'])
  })

  it('refuses --db pointed at the extract, which stays intact', () => {
    const hash = sha(extract)
    const r = relief(['run', '--input', extract, '--out', out, ...AS_OF, '--db', extract])
    expectOneLine(r, /--db .*extract\.csv: already exists and is not a relief database/)
    expect(sha(extract)).toBe(hash)
    expect(snapshot(out)).toEqual(before)
  })

  it('refuses --out at a file, or under one, with one line', () => {
    expectOneLine(relief(['run', '--input', extract, '--out', extract, ...AS_OF]), /is a file, not a folder/)
    expectOneLine(
      relief(['run', '--input', extract, '--out', join(extract, 'sub', 'run'), ...AS_OF]),
      /--out .*: a path component is a file/,
    )
  })

  it('refuses an input inside --out (a rerun replaces the folder whole), and the input stays', () => {
    const inner = join(out, 'extract-inside.csv')
    copyFileSync(extract, inner)
    const hash = sha(inner)
    expectOneLine(
      relief(['run', '--input', inner, '--out', out, ...AS_OF]),
      /--input .*extract-inside\.csv: lies inside --out .*keep inputs outside the run folder/,
    )
    expect(sha(inner)).toBe(hash)
    rmSync(inner)
  })

  it('maps DuckDB running out of memory to one line naming --memory-limit', () => {
    const r = relief(['run', '--input', extract, '--out', out, ...AS_OF, '--memory-limit', '1MB'])
    expectOneLine(r, /out of memory.*--memory-limit/)
    expect(snapshot(out)).toEqual(before)
  })

  it('refuses a second run while a live process holds the folder', () => {
    // The test process is alive: its pid in the lock stands for a run in progress.
    const lock = join(root, '.run.relief-lock')
    writeFileSync(lock, `${process.pid}\n`)
    try {
      const r = relief(['run', '--input', extract, '--out', out, ...AS_OF])
      expectOneLine(r, new RegExp(`in use by another relief process \\(pid ${process.pid}\\); run refused`))
    } finally {
      writeFileSync(lock, '')
    }
    expect(snapshot(out)).toEqual(before)
  })

  it('keeps nothing of the earlier run on a rerun (stale compare.csv, marts, motions, database)', () => {
    writeFileSync(join(out, 'compare.csv'), 'scenario\n=stale\n')
    mkdirSync(join(out, 'public', 'marts'), { recursive: true })
    writeFileSync(join(out, 'public', 'marts', 'mart_gone.csv'), 'x\n')
    mkdirSync(join(out, 'restricted', 'motions', 'gone-county'), { recursive: true })
    writeFileSync(join(out, 'restricted', 'motions', 'gone-county', 'old.csv'), 'x\n')
    const r = relief(['run', '--input', extract, '--out', out, ...AS_OF])
    expect(r.code).toBe(0)
    for (const f of ['compare.csv', 'public/marts/mart_gone.csv', 'restricted/motions/gone-county'])
      expect(existsSync(join(out, f)), f).toBe(false)
    expect(snapshot(out).filter((l) => !/relief\.duckdb|run-log|manifest/.test(l))).toEqual(
      before.filter((l) => !/relief\.duckdb|run-log|manifest/.test(l)),
    )
  }, 120_000)

  it('builds --db elsewhere under a temporary name, owner-only, and reuses it on a rerun', () => {
    const dbDir = join(root, 'db')
    mkdirSync(dbDir)
    const db = join(dbDir, 'relief.duckdb')
    for (let i = 0; i < 2; i++) {
      const r = relief(['run', '--input', extract, '--out', join(root, 'run-db'), ...AS_OF, '--db', db])
      expect(r.stderr).not.toMatch(/relief:/)
      expect(r.code).toBe(0)
      expect(readdirSync(dbDir)).toEqual(['relief.duckdb'])
      expect(statSync(db).mode & 0o777).toBe(0o600)
    }
    expect(existsSync(join(root, 'run-db', 'relief.duckdb'))).toBe(false)
  }, 120_000)
})

describe('relief run: killed mid-way, and raced', () => {
  it('leaves the previous run intact and nothing readable by others; a second run meanwhile exits 2', async () => {
    const root = mkdtempSync(join(tmpdir(), 'relief-kill-'))
    const extract = join(root, 'extract.csv')
    expect(relief(['generate', '--subjects', '3000', '--seed', '12', '--out', extract]).code).toBe(0)
    const out = join(root, 'run')
    // The "previous run": a small one, so its folder differs visibly from what the killed run would write.
    const small = writeExtract(rows, { dir: mkdtempSync(join(tmpdir(), 'relief-kill-small-')) })
    expect(relief(['run', '--input', small, '--out', out, ...AS_OF]).code).toBe(0)
    const before = snapshot(out)

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'pipelines/cli.ts', 'run', '--input', extract, '--out', out, ...AS_OF],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    )
    const exited = new Promise((r) => child.on('exit', r))
    const work = join(root, `.run.relief-work-${child.pid}`)
    const deadline = Date.now() + 90_000
    while (!existsSync(join(work, 'relief.duckdb')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    expect(existsSync(join(work, 'relief.duckdb'))).toBe(true)

    const second = relief(['run', '--input', small, '--out', out, ...AS_OF])
    expectOneLine(second, new RegExp(`in use by another relief process \\(pid ${child.pid}\\)`))

    child.kill('SIGKILL')
    await exited
    expect(snapshot(out)).toEqual(before)
    expect(readableByOthers(root).filter((l) => !l.startsWith('extract.csv'))).toEqual([])

    // The next run takes over the dead run's lock and work folder.
    expect(relief(['run', '--input', small, '--out', out, ...AS_OF]).code).toBe(0)
    expect(readdirSync(root).sort()).toEqual(['extract.csv', 'run'])
  }, 300_000)

  it('on SIGTERM removes its work folder and lock, exits 143, and leaves the previous run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'relief-term-'))
    const extract = join(root, 'extract.csv')
    expect(relief(['generate', '--subjects', '3000', '--seed', '13', '--out', extract]).code).toBe(0)
    const out = join(root, 'run')
    const small = writeExtract(rows, { dir: mkdtempSync(join(tmpdir(), 'relief-term-small-')) })
    expect(relief(['run', '--input', small, '--out', out, ...AS_OF]).code).toBe(0)
    const before = snapshot(out)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'pipelines/cli.ts', 'run', '--input', extract, '--out', out, ...AS_OF],
      { cwd: ROOT, stdio: 'ignore' },
    )
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    const work = join(root, `.run.relief-work-${child.pid}`)
    const deadline = Date.now() + 90_000
    while (!existsSync(join(work, 'relief.duckdb')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(snapshot(out)).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['extract.csv', 'run'])
  }, 300_000)
})
