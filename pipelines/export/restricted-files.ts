/**
 * Files under <run>/restricted/ hold names, dates of birth and CII numbers: owner-only, whatever the umask.
 * Modes are set with chmod after creation because mkdir/open modes are filtered by the umask and DuckDB's
 * COPY creates files with the process default.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const RESTRICTED_DIR_MODE = 0o700
export const RESTRICTED_FILE_MODE = 0o600

/** Creates (if needed) `root/...parts`, making every folder from `root` down owner-only. Returns the path. */
export function restrictedDir(root: string, ...parts: string[]): string {
  let dir = root
  for (const p of ['', ...parts]) {
    dir = p ? join(dir, p) : dir
    mkdirSync(dir, { recursive: true, mode: RESTRICTED_DIR_MODE })
    chmodSync(dir, RESTRICTED_DIR_MODE)
  }
  return dir
}

/** Empties a restricted folder so files of an earlier run (a court no longer present) cannot linger. */
export function freshRestrictedDir(root: string, ...parts: string[]): string {
  const dir = join(root, ...parts)
  rmSync(dir, { recursive: true, force: true })
  return restrictedDir(root, ...parts)
}

/** Writes a file readable by its owner only (an existing file is narrowed before it is overwritten). */
export function writeRestrictedFile(path: string, data: string | Uint8Array): void {
  if (existsSync(path)) chmodSync(path, RESTRICTED_FILE_MODE)
  writeFileSync(path, data, { mode: RESTRICTED_FILE_MODE })
  chmodSync(path, RESTRICTED_FILE_MODE)
}

/**
 * Before a DuckDB COPY writes `path`: create it empty and owner-only, so the COPY (which truncates and keeps
 * the mode) never leaves a wider-readable file behind even for a moment. Call `narrow` again afterwards.
 */
export function prepareRestrictedFile(path: string): void {
  writeRestrictedFile(path, '')
}

export function narrow(path: string): void {
  chmodSync(path, RESTRICTED_FILE_MODE)
}

/** Path relative to the run folder with forward slashes, as listed in the manifest. */
export function runRelative(out: string, path: string): string {
  return relative(out, path).split(sep).join('/')
}
