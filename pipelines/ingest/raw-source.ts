/**
 * The read_csv expression over the input files, built from the contract: explicit columns, no sniffing,
 * strict CSV, and every malformed line diverted to ingest_reject_errors / ingest_reject_scans with its line number.
 * Files with and without a header line are read by separate scans and unioned.
 */
import { duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { FileShape } from './inspect-file.ts'

export const REJECT_ERRORS_TABLE = 'ingest_reject_errors'
export const REJECT_SCANS_TABLE = 'ingest_reject_scans'

function readCsv(paths: string[], header: boolean): string {
  return `select * from read_csv([${paths.map(lit).join(', ')}], header=${header}, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, filename=true, columns=${duckdbReadColumns()}, store_rejects=true, rejects_table='${REJECT_ERRORS_TABLE}', rejects_scan='${REJECT_SCANS_TABLE}')`
}

export function rawSourceSql(files: readonly FileShape[]): string {
  const withHeader = files.filter((f) => f.hasHeader).map((f) => f.path)
  const without = files.filter((f) => !f.hasHeader).map((f) => f.path)
  const parts = [
    ...(withHeader.length ? [readCsv(withHeader, true)] : []),
    ...(without.length ? [readCsv(without, false)] : []),
  ]
  return parts.join('\nunion all\n')
}
