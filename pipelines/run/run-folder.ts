/**
 * A run's folder, claimed for the length of the run. A run builds in a hidden sibling work folder and swaps
 * it into place only at the end, so `--out` holds either the previous complete run or the new complete run,
 * never a mix, even after a kill. A lock file beside `--out` keeps a second run (or an export) out while one
 * is in use; a lock left by a process that no longer exists is taken over.
 *
 * Everything is created owner-only from the first byte (umask 077): the run reads criminal histories.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { UserError } from '../lib/user-error.ts'
import { reliefPid } from '../lib/relief-pid.ts'

export interface RunFolder {
  /** Where the finished run will be. */
  readonly final: string
  /** Where this run writes until commit(). */
  readonly work: string
  /** Swaps the work folder into place and releases the lock. */
  commit(): void
  /** Deletes the work folder and releases the lock (the previous run, if any, stays as it was). */
  abandon(): void
}

/** Owner-only from the first byte, for every file and folder this process creates. */
export function privateUmask(): void {
  process.umask(0o077)
}

const lockPath = (out: string) => join(dirname(out), `.${basename(out)}.relief-lock`)
const workPrefix = (out: string) => `.${basename(out)}.relief-work-`

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock beside `out`, or refuses with the holder's pid. A stale lock (dead pid) is taken over. */
export function lockFolder(out: string, what: string): () => void {
  const path = lockPath(out)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      writeSync(fd, `${reliefPid()}\n`)
      closeSync(fd)
      return () => rmSync(path, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw asFolderError(e, out)
      const holder = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== reliefPid() && alive(holder))
        throw new UserError(`--out ${out}: in use by another relief process (pid ${holder}); ${what} refused`)
      rmSync(path, { force: true })
    }
  }
  throw new UserError(`--out ${out}: could not take the lock ${path}`)
}

/** A file-system error about the output folder as one line a user can act on; anything else unchanged. */
function asFolderError(e: unknown, out: string): unknown {
  const code = (e as NodeJS.ErrnoException).code
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a path component is a file',
    EEXIST: 'a path component is a file',
    ENOSPC: 'no space left on the device',
  }
  return code && why[code] ? new UserError(`--out ${out}: ${why[code]}`) : e
}

/**
 * Claims `out` for a run: refuses a path that is a file, takes the lock, clears work folders that dead runs
 * left behind, and creates this run's empty work folder (0700).
 */
export function claimRunFolder(outArg: string): RunFolder {
  privateUmask()
  const final = resolve(outArg)
  if (existsSync(final) && !statSync(final).isDirectory())
    throw new UserError(`--out ${outArg}: is a file, not a folder`)
  const parent = dirname(final)
  try {
    mkdirSync(parent, { recursive: true })
  } catch (e) {
    throw asFolderError(e, outArg)
  }
  const unlock = lockFolder(final, 'run')
  try {
    for (const f of readdirSync(parent))
      if (f.startsWith(workPrefix(final))) rmSync(join(parent, f), { recursive: true, force: true })
    const work = join(parent, `${workPrefix(final)}${reliefPid()}`)
    mkdirSync(work, { mode: 0o700 })
    let done = false
    return {
      final,
      work,
      commit() {
        if (done) return
        const old = join(parent, `.${basename(final)}.relief-old-${reliefPid()}`)
        if (existsSync(final)) renameSync(final, old)
        renameSync(work, final)
        rmSync(old, { recursive: true, force: true })
        done = true
        unlock()
      },
      abandon() {
        if (done) return
        done = true
        try {
          // A process just stopped may still be closing files in it: a few tries, then the lock goes anyway.
          rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 })
        } finally {
          unlock()
        }
      },
    }
  } catch (e) {
    unlock()
    throw asFolderError(e, outArg)
  }
}
