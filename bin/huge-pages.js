// Starts `relief` once more with pipelines/lib/native/huge-page-mmap.c preloaded, so that the large anonymous
// mappings its libraries make (DuckDB's tables and buffers, the charts' pixmaps) are given transparent huge pages.
//
// Why: where the kernel gives huge pages only on request ("madvise", Debian's and Ubuntu's default), memory is
// faulted in 4 KB at a time, and on the virtual machines measured here a fault cost about 10 µs. A 1M-line run made
// about 500,000 of them, most of them DuckDB filling the tables it builds (docs/scale.md, "Session 28").
//
// The preload must be in place when the program starts, hence a second start (about 0.05 s). Nothing else changes:
// the same program, arguments, standard streams and exit status; signals sent to this process are passed on, and
// the started program dies with it (killed, it cannot pass anything on); files and locks named by a process id name
// this one, the process the user started.
// Skipped where it cannot help or cannot be built (not Linux, huge pages "always" or "never", no C compiler, a
// read-only install), and with RELIEF_HUGE_PAGES=0.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE, ROOT } from './kept-bundle.js'

const SOURCE = join(ROOT, 'pipelines', 'lib', 'native', 'huge-page-mmap.c')
/** Set to 1 in the started program (and kept, so it does not start another), or to 0 by a user to skip it. */
export const HUGE_PAGES_ENV = 'RELIEF_HUGE_PAGES'
/** The LD_PRELOAD the user had, given back to the started program's own children. */
const PRELOAD_BEFORE = 'RELIEF_LD_PRELOAD_BEFORE'
/**
 * The process a user started, in the program started again: its files and locks are named by this one
 * (pipelines/lib/relief-pid.ts), and the library ends the program should this one be killed (huge-page-mmap.c).
 */
export const LAUNCHER_PID_ENV = 'RELIEF_LAUNCHER_PID'

/** The kernel's transparent huge page mode ('always', 'madvise', 'never'); undefined where there is none. */
export function hugePageMode() {
  try {
    return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1]
  } catch {
    return undefined
  }
}

/** The preload library, built once per version of its source into the bundles' folder; undefined if it cannot be. */
export function hugePageLibrary() {
  try {
    const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 16)
    const lib = join(CACHE, `huge-page-mmap-${hash}.so`)
    if (existsSync(lib)) return lib
    mkdirSync(CACHE, { recursive: true })
    const tmp = `${lib}.${process.pid}.tmp`
    const cc = process.env.CC ?? 'cc'
    const built = spawnSync(cc, ['-O2', '-shared', '-fPIC', '-o', tmp, SOURCE, '-ldl'], { stdio: 'ignore' })
    if (built.status !== 0) {
      rmSync(tmp, { force: true })
      return undefined
    }
    renameSync(tmp, lib)
    return lib
  } catch {
    return undefined
  }
}

/** In the program started again by relaunchWithHugePages: its launcher's process id; undefined in any other. */
export function launcherPid() {
  const pid = Number(process.env[LAUNCHER_PID_ENV])
  return process.env[HUGE_PAGES_ENV] === '1' && pid === process.ppid ? pid : undefined
}

/**
 * In the program as started by a user: starts it again with the library preloaded and returns a promise that never
 * settles (this process exits as the started one does). Returns undefined where the program should simply go on:
 * in the started program itself (whose children then get the user's LD_PRELOAD back), or where the library cannot
 * help. `args` are the program's arguments after the node executable.
 */
export function relaunchWithHugePages(args) {
  if (launcherPid() !== undefined) {
    if (process.env[PRELOAD_BEFORE] !== undefined) process.env.LD_PRELOAD = process.env[PRELOAD_BEFORE]
    else delete process.env.LD_PRELOAD
    delete process.env[PRELOAD_BEFORE]
    return undefined
  }
  if (process.env[HUGE_PAGES_ENV] === '0' || process.platform !== 'linux' || hugePageMode() !== 'madvise')
    return undefined
  const lib = hugePageLibrary()
  if (!lib) return undefined
  const env = { ...process.env, [HUGE_PAGES_ENV]: '1', [LAUNCHER_PID_ENV]: String(process.pid) }
  env.LD_PRELOAD = [lib, process.env.LD_PRELOAD].filter(Boolean).join(' ')
  if (process.env.LD_PRELOAD !== undefined) env[PRELOAD_BEFORE] = process.env.LD_PRELOAD
  const child = spawn(process.execPath, [...process.execArgv, ...args], { stdio: 'inherit', env })
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
  const pass = (signal) => child.kill(signal)
  for (const s of signals) process.on(s, pass)
  return new Promise(() => {
    child.on('error', (e) => {
      process.stderr.write(`relief: could not start: ${e.message}\n`)
      process.exit(1)
    })
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass)
      if (signal) process.kill(process.pid, signal)
      else process.exit(code ?? 1)
    })
  })
}
