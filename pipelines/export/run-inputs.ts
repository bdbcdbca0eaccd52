/**
 * The input files a run read, as its manifest lists them, read again for outputs that must carry the rows
 * unchanged. A file that moved or changed since the run is refused: its rows would no longer be the ones
 * the determinations were made from.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { UserError } from '../lib/user-error.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer)
  return h.digest('hex')
}

export async function checkRunInputs(manifest: Manifest): Promise<void> {
  for (const f of manifest.inputs) {
    if (!existsSync(f.file))
      throw new UserError(
        `${f.file}: input of run ${manifest.run_id} not found; it is needed to write the DOJ result files`,
      )
    if ((await sha256(f.file)) !== f.sha256)
      throw new UserError(
        `${f.file}: changed since run ${manifest.run_id} (sha256 differs from manifest.json); rerun \`relief run\``,
      )
  }
}

/**
 * read_csv over one input with the options ingest used (pipelines/ingest/raw-source.ts: explicit 95 VARCHAR
 * columns, strict CSV), so exactly the same lines parse. Malformed lines are skipped with ignore_errors rather
 * than store_rejects: the run already recorded them in rejects.csv, and this read must not write tables.
 */
export function readInputSql(file: { file: string; has_header: boolean }): string {
  return `read_csv(${lit(file.file)}, header=${file.has_header}, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, columns=${duckdbReadColumns()}, ignore_errors=true)`
}
