/**
 * The input files a run read, as its manifest lists them, read again for outputs that must carry the rows
 * unchanged. A file that moved or changed since the run is refused: its rows would no longer be the ones
 * the determinations were made from.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readChunks } from '../lib/read-chunks.ts'
import { UserError } from '../lib/user-error.ts'
import type { FileReconciliation, Manifest } from '../../data-contracts/manifest.contract.ts'

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256')
  await readChunks(path, (chunk) => h.update(chunk))
  return h.digest('hex')
}

/** Refuses at once a run whose inputs are gone (before any work). */
export function requireRunInputs(manifest: Manifest): void {
  for (const f of manifest.inputs)
    if (!existsSync(f.file))
      throw new UserError(
        `${f.file}: input of run ${manifest.run_id} not found; it is needed to write the DOJ result files`,
      )
}

/**
 * Re-hashes every input against the manifest. It reads hundreds of megabytes on the main thread while DuckDB
 * works on its own threads, so a caller may start it, do its SQL, and await it before it keeps any file.
 */
export async function checkRunInputs(manifest: Manifest): Promise<void> {
  requireRunInputs(manifest)
  for (const f of manifest.inputs)
    if ((await sha256(f.file)) !== f.sha256) throw changedSinceRun(f, manifest.run_id)
}

/** The refusal of an input whose bytes are no longer the ones the run hashed. */
export const changedSinceRun = (f: FileReconciliation, runId: string): UserError =>
  new UserError(
    `${f.file}: changed since run ${runId} (sha256 differs from manifest.json); rerun \`relief run\``,
  )

/**
 * Whether an input can be read line by line (doj-results-sql.ts): the run's ledger found every record on
 * one physical line and no NUL byte (which ingest strips and a line read would keep).
 */
export const oneRecordPerLine = (f: FileReconciliation): boolean =>
  f.lines_read === f.rows_read && f.nul_bytes_removed === 0
