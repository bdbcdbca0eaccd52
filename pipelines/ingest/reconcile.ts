/**
 * The ledger of a run: for every file, rows read (non-empty lines after any header) must equal rows loaded
 * plus rows rejected. Each rejected line lands in ingest_rejects with file, line number, reason and raw text.
 * Lines the CSV reader consumed without reporting (an unterminated quote swallows the next line) are recorded
 * as rejects too, so nothing leaves the ledger silently.
 */
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { FileShape } from './inspect-file.ts'
import type { FileLedger } from './file-ledger.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE } from './raw-source.ts'

async function tableExists(db: Db, name: string): Promise<boolean> {
  return (
    (await db.scalar<bigint>(`select count(*) from duckdb_tables() where table_name = ${lit(name)}`)) > 0n
  )
}

export async function reconcile(
  db: Db,
  files: readonly FileShape[],
  ledgers: ReadonlyMap<string, FileLedger>,
): Promise<FileReconciliation[]> {
  await db.run(
    `create or replace table ingest_rejects (file varchar, line bigint, reason varchar, raw_text varchar)`,
  )
  if (await tableExists(db, REJECT_ERRORS_TABLE)) {
    // One reject row per failing column: keep one per line, the first error in column order.
    await db.run(`insert into ingest_rejects
      select s.file_path, e.line, arg_min(e.error_type || ': ' || e.error_message, e.column_idx), arg_min(e.csv_line, e.column_idx)
      from ${REJECT_ERRORS_TABLE} e join ${REJECT_SCANS_TABLE} s using (scan_id, file_id)
      group by s.file_path, e.line`)
  }
  const loaded = new Map(
    (
      await db.rows<{ f: string; n: string }>(`select source_file f, count(*) n from stg_doj_rows group by 1`)
    ).map((r) => [r.f, Number(r.n)]),
  )
  const rejected = new Map(
    (await db.rows<{ f: string; n: string }>(`select file f, count(*) n from ingest_rejects group by 1`)).map(
      (r) => [r.f, Number(r.n)],
    ),
  )
  const out: FileReconciliation[] = []
  for (const f of files) {
    const ledger = ledgers.get(f.path)!
    const read = ledger.lines - (f.hasHeader ? 1 : 0)
    const nLoaded = loaded.get(f.path) ?? 0
    let nRejected = rejected.get(f.path) ?? 0
    const unaccounted = read - nLoaded - nRejected
    if (unaccounted > 0) {
      await db.run(
        `insert into ingest_rejects select ${lit(f.path)}, null, ${lit(
          'CONSUMED: the CSV reader took this line into a neighbouring record without a row (usually an unterminated quote on the line before); not loaded',
        )}, null from range(${unaccounted})`,
      )
      nRejected += unaccounted
    }
    out.push({
      file: f.path,
      sha256: ledger.sha256,
      bytes: ledger.bytes,
      has_header: f.hasHeader,
      rows_read: read,
      rows_loaded: nLoaded,
      rows_rejected: nRejected,
      balanced: read === nLoaded + nRejected,
    })
  }
  return out
}
