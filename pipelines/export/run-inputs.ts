/**
 * The input files a run read, as its manifest lists them, read again for outputs that must carry the rows
 * unchanged. A file that moved or changed since the run is refused: its rows would no longer be the ones
 * the determinations were made from.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { UserError } from '../lib/user-error.ts'
import type { FileReconciliation, Manifest } from '../../data-contracts/manifest.contract.ts'

/**
 * Reads into one buffer, reused: a read stream allocates a new buffer per chunk, and hashing 600 MB that way
 * cost three times the CPU (1.7 against 0.5 CPU-s), on cores DuckDB is using meanwhile.
 */
async function sha256(path: string): Promise<string> {
  const h = createHash('sha256')
  const file = await open(path, 'r')
  const buf = Buffer.allocUnsafe(1 << 22)
  try {
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, buf.length, null)
      if (bytesRead === 0) break
      h.update(buf.subarray(0, bytesRead))
    }
  } finally {
    await file.close()
  }
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
    if ((await sha256(f.file)) !== f.sha256)
      throw new UserError(
        `${f.file}: changed since run ${manifest.run_id} (sha256 differs from manifest.json); rerun \`relief run\``,
      )
}

/**
 * Whether an input can be read line by line (doj-results-sql.ts): the run's ledger found every record on
 * one physical line and no NUL byte (which ingest strips and a line read would keep).
 */
export const oneRecordPerLine = (f: FileReconciliation): boolean =>
  f.lines_read === f.rows_read && f.nul_bytes_removed === 0
