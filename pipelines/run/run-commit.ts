/**
 * The end of a run, and its interruption: a --db outside the run folder is renamed into place only when the
 * run is complete, public/ is opened to readers only then, and SIGINT/SIGTERM leave the previous run as it was.
 */
import { chmodSync, cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { reliefPid } from '../lib/relief-pid.ts'

/** A hidden temporary name beside the --db path, unique to this process. */
export function tempDbBeside(dbFinal: string): string {
  return join(dirname(dbFinal), `.${basename(dbFinal)}.relief-tmp-${reliefPid()}`)
}

/** Renames the finished temporary database over --db (an earlier relief database, checked by checkDbPath). */
export function commitDb(dbTemp: string, dbFinal: string): void {
  rmSync(`${dbFinal}.wal`, { force: true })
  renameSync(dbTemp, dbFinal)
  rmSync(`${dbTemp}.wal`, { force: true })
}

/**
 * public/ holds only de-identified aggregates meant to be shared: its files become 0644 and folders 0755 at
 * commit. The run folder itself stays 0700, so sharing them is still a deliberate copy.
 */
export function openPublicFiles(dir: string): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  chmodSync(dir, 0o755)
  for (const e of entries) {
    const p = join(dir, e.name)
    if (e.isDirectory()) openPublicFiles(p)
    else if (e.isFile()) chmodSync(p, 0o644)
  }
}

/**
 * What a rerun keeps of the folder it replaces: the filing ledger (court rulings imported by `relief status
 * import`) is history the office recorded, not a product of the run, and is keyed so it survives a new extract.
 */
export const CARRIED_OVER = ['restricted/ledger']

export function carryOver(final: string, work: string): void {
  for (const rel of CARRIED_OVER) {
    const from = join(final, rel)
    if (existsSync(from)) cpSync(from, join(work, rel), { recursive: true })
  }
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

/**
 * Until the returned function is called, SIGINT or SIGTERM runs `cleanup` (abandon the work folder, release
 * the lock) and exits with the conventional code, instead of dying with a half-built folder and a lock.
 */
export function untilSignal(cleanup: () => void): () => void {
  // The first signal cleans up and exits; a second one (a terminal's Ctrl-C reaches both `relief` and the program
  // bin/huge-pages.js started, which also passes it on) finds its handler still there and waits for the first.
  let interrupted = false
  const handlers = Object.entries(SIGNAL_EXIT).map(([signal, code]) => {
    const h = () => {
      if (interrupted) return
      interrupted = true
      try {
        cleanup()
      } finally {
        process.stderr.write(`relief: interrupted by ${signal}; the previous run was left as it was\n`)
        process.exit(code)
      }
    }
    process.on(signal, h)
    return [signal, h] as const
  })
  return () => {
    for (const [signal, h] of handlers) process.off(signal, h)
  }
}
