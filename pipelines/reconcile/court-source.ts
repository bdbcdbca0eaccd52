/**
 * The read_csv over contract files read beside the DOJ extract (the court index, court rulings): explicit schema
 * from the contract, strict CSV, malformed lines to a rejects table with their line numbers; and the SELECT that
 * gives every loaded record its line number. Each file is its own scan so a record's order in its file (read with
 * insertion order preserved) is known.
 */
import { duckdbCourtReadColumns } from '../../data-contracts/court-index.contract.ts'
import { readCsvEncoding } from '../../data-contracts/input-encodings.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { FileLedger } from '../ingest/file-ledger.ts'
import type { FileShape } from '../ingest/inspect-file.ts'

export const COURT_REJECT_ERRORS = 'court_reject_errors'
export const COURT_REJECT_SCANS = 'court_reject_scans'
export const COURT_REJECTS = 'court_index_rejects'

export interface CsvTables {
  /** Table the records land in (file_index, record, contract columns, filename). */
  raw: string
  errors: string
  scans: string
}

const COURT: CsvTables = {
  raw: 'raw_court_index_rows',
  errors: COURT_REJECT_ERRORS,
  scans: COURT_REJECT_SCANS,
}

export function csvRecordsSql(files: readonly FileShape[], columns: string, t: CsvTables): string {
  return files
    .map(
      (f, i) =>
        `select ${i + 1} as file_index, row_number() over () as record, * from read_csv([${lit(f.path)}], header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true${readCsvEncoding(f.encoding)}, filename=true, columns=${columns}, store_rejects=true, rejects_table='${t.errors}', rejects_scan='${t.scans}')`,
    )
    .join('\nunion all\n')
}

/**
 * Record k of a file sits on the k-th line after the header that the reader did not reject (these exports have
 * no line breaks inside fields; a record that had one would shift the numbers after it, never the counts).
 */
export function recordLinesSql(
  files: readonly FileShape[],
  ledgers: ReadonlyMap<string, FileLedger>,
  t: CsvTables,
): string {
  return files
    .map((f, i) => {
      const bound = 2 * (ledgers.get(f.path)?.lines ?? 0) + 2
      return `select ${i + 1} as file_index, k as record, line from (
  select line, row_number() over (order by line) as k from range(2, ${bound}) r(line)
  where line not in (select e.line from ${t.errors} e join ${t.scans} s using (scan_id, file_id)
                     where s.file_path = ${lit(f.path)})
) where k <= (select count(*) from ${t.raw} where file_index = ${i + 1})`
    })
    .join('\nunion all\n')
}

export const courtRawSql = (files: readonly FileShape[]): string =>
  csvRecordsSql(files, duckdbCourtReadColumns(), COURT)

export const courtLinesSql = (
  files: readonly FileShape[],
  ledgers: ReadonlyMap<string, FileLedger>,
): string => recordLinesSql(files, ledgers, COURT)

/** Records read but not loaded (no case number, no California county), for the ledger's rejects. */
export const REFUSED_SQL = `select source_file, line, 'REFUSED: ' || reject_reason, null from stg_court_index_rows where reject_reason is not null`
