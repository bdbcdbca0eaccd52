/**
 * `relief export` and `relief report` rewrite parts of a finished run folder. They hold the folder's lock, write
 * into a hidden owner-only staging folder inside it, and only then swap each rewritten part (restricted/doj,
 * public/report, public/summary.json …) into place by rename. An interruption leaves the previous files, so the
 * manifest never lists a file the rewrite deleted.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { lockFolder } from '../run/run-folder.ts'
import { openPublicFiles } from '../run/run-commit.ts'
import { reliefPid } from '../lib/relief-pid.ts'

const STAGE_PREFIX = '.relief-stage-'
/** Files of the run a step reads from its folder (the report merges a comparison written beside the run). */
const READ_FROM_RUN = ['compare.csv']

/** The part of the run folder a written file belongs to: its first two path segments (restricted/doj). */
const unitOf = (rel: string) => rel.split('/').slice(0, 2).join('/')

export async function withStagedWrites<T extends { files: string[] }>(
  out: string,
  what: string,
  write: (stage: string) => Promise<T[]>,
): Promise<T[]> {
  const unlock = lockFolder(out, what)
  // Staging folders of an interrupted rewrite (its process is gone: we hold the lock).
  for (const f of readdirSync(out))
    if (f.startsWith(STAGE_PREFIX)) rmSync(join(out, f), { recursive: true, force: true })
  const stage = join(out, `${STAGE_PREFIX}${reliefPid()}`)
  try {
    mkdirSync(stage, { mode: 0o700 })
    for (const f of READ_FROM_RUN) if (existsSync(join(out, f))) linkSync(join(out, f), join(stage, f))
    const results = await write(stage)
    openPublicFiles(join(stage, 'public'))
    const units = [...new Set(results.flatMap((r) => r.files).map(unitOf))]
    for (const unit of units) swapIn(join(stage, unit), join(out, unit))
    return results
  } finally {
    rmSync(stage, { recursive: true, force: true })
    unlock()
  }
}

/** Puts `from` at `to` by rename; the old `to`, if any, is moved aside first and removed after. */
function swapIn(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  const old = `${to}.relief-old-${reliefPid()}`
  if (existsSync(to)) renameSync(to, old)
  renameSync(from, to)
  rmSync(old, { recursive: true, force: true })
}

/** Writes a small file (a manifest, a markdown page) under a temporary name and renames it into place. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.relief-tmp-${reliefPid()}`
  try {
    writeFileSync(tmp, data, { mode: 0o600 })
    renameSync(tmp, path)
  } finally {
    rmSync(tmp, { force: true })
  }
}
