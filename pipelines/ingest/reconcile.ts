/**
 * The ledger of a run: for every file, rows read (non-empty lines after any header) must equal rows loaded
 * plus rows rejected. Each rejected line lands in ingest_rejects with file, line number, reason and raw text.
 * Lines the CSV reader consumed without reporting (an unterminated quote swallows the next line) are recorded
 * as rejects too, so nothing leaves the ledger silently.
 */
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../lib/duckdb.ts'
import type { FileShape } from './inspect-file.ts'
import type { FileLedger } from './file-ledger.ts'
import { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE } from './raw-source.ts'

export interface FileReconciliation {
  file: string
  sha256: string
  bytes: number
  has_header: boolean
  rows_read: number
  rows_loaded: number
  rows_rejected: number
  balanced: boolean
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  return (
    (await db.scalar<bigint>(`select count(*) from duckdb_tables() where table_name = ${lit(name)}`)) > 0n
  )
}

/** Where a ledger reads from: the DOJ ingest by default; the court index passes its own (pipelines/reconcile). */
export interface LedgerTables {
  /** Relation of loaded rows, with source_file. */
  loaded: string
  /** Table created here: one row per rejected line. */
  rejects: string
  /** read_csv rejects_table / rejects_scan names. */
  errors: string
  scans: string
  /** A SELECT (file, line, reason, raw_text) of lines read but refused after parsing, if any. */
  refused?: string
}

const DOJ_TABLES: LedgerTables = {
  loaded: 'stg_doj_rows',
  rejects: 'ingest_rejects',
  errors: REJECT_ERRORS_TABLE,
  scans: REJECT_SCANS_TABLE,
}

export async function reconcile(
  db: Db,
  files: readonly FileShape[],
  ledgers: ReadonlyMap<string, FileLedger>,
  t: LedgerTables = DOJ_TABLES,
): Promise<FileReconciliation[]> {
  await db.run(
    `create or replace table ${t.rejects} (file varchar, line bigint, reason varchar, raw_text varchar)`,
  )
  if (t.refused) await db.run(`insert into ${t.rejects} ${t.refused}`)
  if (await tableExists(db, t.errors)) {
    // One reject row per failing column: keep one per line, the first error in column order.
    await db.run(`insert into ${t.rejects}
      select s.file_path, e.line, arg_min(e.error_type || ': ' || e.error_message, e.column_idx), arg_min(e.csv_line, e.column_idx)
      from ${t.errors} e join ${t.scans} s using (scan_id, file_id)
      group by s.file_path, e.line`)
  }
  const loaded = new Map(
    (
      await db.rows<{ f: string; n: string }>(`select source_file f, count(*) n from ${t.loaded} group by 1`)
    ).map((r) => [r.f, Number(r.n)]),
  )
  const rejected = new Map(
    (await db.rows<{ f: string; n: string }>(`select file f, count(*) n from ${t.rejects} group by 1`)).map(
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
        `insert into ${t.rejects} select ${lit(f.path)}, null, ${lit(
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
