/**
 * The ledger of a run, checked right after the scan and before any decision: for every file, the records read
 * (counted independently by file-ledger.ts, after any header) must equal rows loaded plus lines rejected. A run
 * whose ledger does not balance stops with one line: no decision is made from rows that cannot be accounted for.
 * Here the reader's record numbers in ingest_rejects become physical line numbers (they differ only after a
 * quoted field that spans lines).
 */
import type { Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { UserError } from '../lib/user-error.ts'
import type { FileShape } from './inspect-file.ts'
import type { FileLedger } from './file-ledger.ts'
import type { FileReconciliation, LedgerTotals } from '../../data-contracts/manifest.contract.ts'

/** SQL mapping the reader's line number to the physical line, for one file's multi-line records. */
function physicalLineSql(multiline: readonly [number, number][]): string {
  let extra = 0
  const arms = multiline.map(([start, n]) => `when line > ${start} then line + ${(extra += n)}`).reverse()
  return `case ${arms.join(' ')} else line end`
}

/** Where a ledger reads from: the DOJ ingest by default; the court index passes its own (pipelines/reconcile). */
export interface LedgerTables {
  /**
   * Relation of loaded rows, with source_file; or the rows loaded per file, for an input whose rows are not kept
   * one by one (the native reader's fold).
   */
  loaded: string | ReadonlyMap<string, number>
  /** One row per rejected line (file, line, reason, raw_text): a model for the DOJ file. */
  rejects: string
  /**
   * For an input whose rejects are not a model (the court index): DuckDB's read_csv rejects_table /
   * rejects_scan, from which the rejects table is created here, plus a SELECT (file, line, reason, raw_text)
   * of lines read but refused after parsing.
   */
  build?: { errors: string; scans: string; refused?: string }
  /**
   * The rejects table names the subjects of each line (subject_ids), so lines naming nobody are counted (against
   * the relation of loaded rows).
   */
  namesSubjects?: boolean
}

/** A rejects row set aside because its bytes are not text in the file's encoding (DuckDB's own error type). */
export const NOT_IN_ENCODING = `starts_with(reason, 'INVALID ENCODING')`

const DOJ_TABLES: LedgerTables = { loaded: 'stg_doj_rows', rejects: 'ingest_rejects', namesSubjects: true }

/** The ledger of an input the native reader folded: its rows per file, and no rejected line (it takes none). */
export const foldedTables = (rows: ReadonlyMap<string, number>): LedgerTables => ({
  loaded: rows,
  rejects: 'ingest_rejects',
})

async function tableExists(db: Db, name: string): Promise<boolean> {
  return (
    (await db.scalar<bigint>(`select count(*) from duckdb_tables() where table_name = ${lit(name)}`)) > 0n
  )
}

/** The rejects table of an input read without the ingest_rejects model. */
async function buildRejects(db: Db, t: LedgerTables, b: NonNullable<LedgerTables['build']>): Promise<void> {
  await db.run(
    `create or replace table ${t.rejects} (file varchar, line bigint, reason varchar, raw_text varchar)`,
  )
  if (b.refused) await db.run(`insert into ${t.rejects} ${b.refused}`)
  if (await tableExists(db, b.errors))
    // One reject row per failing column: keep one per line, the first error in column order.
    await db.run(`insert into ${t.rejects}
      select s.file_path, e.line, arg_min(e.error_type || ': ' || e.error_message, coalesce(e.column_idx, -1)),
        arg_min(e.csv_line, coalesce(e.column_idx, -1))
      from ${b.errors} e join ${b.scans} s using (scan_id, file_id)
      group by s.file_path, e.line`)
}

export async function reconcile(
  db: Db,
  files: readonly FileShape[],
  ledgers: ReadonlyMap<string, FileLedger>,
  t: LedgerTables = DOJ_TABLES,
): Promise<FileReconciliation[]> {
  if (t.build) await buildRejects(db, t, t.build)
  const count = async (sql: string) =>
    new Map((await db.rows<{ f: string; n: string }>(sql)).map((r) => [r.f, Number(r.n)]))
  const relation = typeof t.loaded === 'string' ? t.loaded : undefined
  const loaded = relation
    ? await count(`select source_file f, count(*) n from ${relation} group by 1`)
    : (t.loaded as ReadonlyMap<string, number>)
  const rejected = await count(`select file f, count(*) n from ${t.rejects} group by 1`)
  const badEncoding = await count(
    `select file f, count(*) n from ${t.rejects} where ${NOT_IN_ENCODING} group by 1`,
  )
  const noPerson =
    t.namesSubjects && relation
      ? await count(`with named as (
      select distinct r.file, r.line from (select file, line, unnest(subject_ids) as sid from ${t.rejects}) r
      semi join ${relation} s on s.subject_id = r.sid)
    select file f, count(*) n from ${t.rejects} anti join named using (file, line) group by 1`)
      : new Map<string, number>()
  const out: FileReconciliation[] = []
  for (const f of files) {
    const ledger = ledgers.get(f.path)!
    const header = f.hasHeader ? 1 : 0
    if (ledger.multiline.length)
      await db.run(
        `update ${t.rejects} set line = ${physicalLineSql(ledger.multiline)} where file = ${lit(f.path)}`,
      )
    const read = ledger.records - header
    const nLoaded = loaded.get(f.path) ?? 0
    const nRejected = rejected.get(f.path) ?? 0
    out.push({
      file: f.path,
      sha256: ledger.sha256,
      bytes: ledger.bytes,
      has_header: f.hasHeader,
      lines_read: ledger.lines - header,
      rows_read: read,
      rows_loaded: nLoaded,
      rows_rejected: nRejected,
      rows_rejected_no_person: noPerson.get(f.path) ?? 0,
      nul_bytes_removed: ledger.nulBytes,
      encoding: f.encoding ?? 'utf-8',
      rows_rejected_encoding: badEncoding.get(f.path) ?? 0,
      balanced: read === nLoaded + nRejected,
    })
  }
  const off = out.find((r) => !r.balanced)
  if (off)
    throw new UserError(
      `${off.file}: rows do not add up (${off.rows_read} records read, ${off.rows_loaded} loaded + ${off.rows_rejected} rejected); nothing was decided`,
    )
  if (out.every((r) => r.rows_loaded === 0)) {
    const names = files.map((f) => f.path).join(', ')
    const [first] = await db.rows<{ file: string; line: string; reason: string }>(
      `select file, line, reason from ${t.rejects} order by file, line limit 1`,
    )
    throw new UserError(
      first
        ? `${names}: no row could be loaded; all ${sumOf(out, 'rows_rejected')} rejected, the first at ${first.file} line ${first.line}: ${first.reason.split('\n')[0]}`
        : `${names}: no data rows`,
    )
  }
  return out
}

function sumOf(
  rows: readonly FileReconciliation[],
  k: 'rows_read' | 'rows_loaded' | 'rows_rejected',
): number {
  return rows.reduce((a, r) => a + r[k], 0)
}

/** The files' ledgers added up, for a manifest. */
export function ledgerTotals(inputs: readonly FileReconciliation[]): LedgerTotals {
  return {
    rows_read: sumOf(inputs, 'rows_read'),
    rows_loaded: sumOf(inputs, 'rows_loaded'),
    rows_rejected: sumOf(inputs, 'rows_rejected'),
    balanced: inputs.every((i) => i.balanced),
  }
}

/** How an input's encoding warning names its option, its ledger and what the set-aside lines cost. */
export interface EncodingWarningTerms {
  option: string
  ledger: string
  lost: string
}

const DOJ_EXTRACT_TERMS: EncodingWarningTerms = {
  option: '--encoding',
  ledger: 'rejects.csv',
  lost: "their people's counts are not decided",
}

/**
 * What to tell the person who ran it when lines were set aside for their bytes: an extract from an older system is
 * often Latin-1, and read as UTF-8 every line with an accented name is rejected.
 */
export function encodingWarnings(
  inputs: readonly Pick<FileReconciliation, 'file' | 'encoding' | 'rows_rejected_encoding'>[],
  terms: EncodingWarningTerms = DOJ_EXTRACT_TERMS,
): string[] {
  return inputs
    .filter((f) => (f.rows_rejected_encoding ?? 0) > 0)
    .map(
      (f) =>
        `warning: ${f.file}: ${f.rows_rejected_encoding} line(s) are not valid ${f.encoding ?? 'utf-8'} text and were set aside in ${terms.ledger} (INVALID ENCODING), so ${terms.lost}` +
        (f.encoding === 'latin-1'
          ? ''
          : `; if the file is Latin-1 (ISO-8859-1), run again with ${terms.option} latin-1`),
    )
}

/** The warnings on stderr (none for a quiet run). */
export function printEncodingWarnings(
  inputs: Parameters<typeof encodingWarnings>[0],
  quiet: boolean | undefined,
  terms?: EncodingWarningTerms,
): void {
  if (!quiet) for (const w of encodingWarnings(inputs, terms)) process.stderr.write(`${w}\n`)
}
