/**
 * The read_csv expression over the input files, built from the contract: explicit columns, no sniffing,
 * strict CSV, and every malformed line diverted to DuckDB's reject tables with its line number (read back by
 * the ingest_rejects model). Files with and without a header line are read by separate scans and unioned.
 * NUL bytes are removed from every field: they are never data, and a spreadsheet or PDF chokes on them.
 */
import { DOJ_COLUMN_NAMES, duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { readCsvEncoding, type InputEncoding } from '../../data-contracts/input-encodings.ts'
import { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE } from '../../sql/staging/ingest_rejects.ts'
import { lit } from '../../sql/helpers/quote.ts'
import type { FileShape } from './inspect-file.ts'

export { REJECT_ERRORS_TABLE, REJECT_SCANS_TABLE }

/**
 * The reader's buffer, for every read of an input file. DuckDB's default (16 × max_line_size = 32 MiB) is past the
 * size its allocator keeps for reuse, so every buffer is fresh memory and the kernel zero-fills it page by page as
 * the file is read into it: on the 2M-line extract the staging read took 9.3–9.5 s with it and 7.5–7.9 s with
 * 4 MiB (sys time and page faults down a third). The line limit is named with it: given a buffer size, DuckDB
 * raises its line limit to it, and a line between 2 and 4 MiB would load instead of being rejected as before.
 */
export const READ_BUFFER = 'buffer_size=4194304, max_line_size=2097152'

// Only the columns a model reads are computed (the view is projected). replace() copies every string it is
// given, so it runs only on a field that holds a NUL (contains() only looks), and only for files that hold one
// (inspectFile looks): most files have none, and the check alone costs a second per 10M lines.
const WITHOUT_NUL = DOJ_COLUMN_NAMES.map(
  (c) => `case when contains("${c}", chr(0)) then replace("${c}", chr(0), '') else "${c}" end as "${c}"`,
).join(', ')

function readCsv(files: readonly FileShape[], header: boolean, encoding: InputEncoding): string {
  const paths = files.map((f) => f.path)
  const strip = files.some((f) => f.hasNul !== false)
  // One file's name is a constant: the reader's per-line filename column cost 0.2–0.3 CPU-s at 2M lines.
  const [only, ...more] = paths
  const filename = more.length ? '' : `, ${lit(only!)} as filename`
  return `select *${strip ? ` replace (${WITHOUT_NUL})` : ''}${filename} from read_csv([${paths.map(lit).join(', ')}], header=${header}, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true${readCsvEncoding(encoding)}, ${more.length ? 'filename=true, ' : ''}${READ_BUFFER}, columns=${duckdbReadColumns()}, store_rejects=true, rejects_table='${REJECT_ERRORS_TABLE}', rejects_scan='${REJECT_SCANS_TABLE}')`
}

export function rawSourceSql(files: readonly FileShape[]): string {
  // One scan per header kind and encoding: both are options of the whole read_csv call.
  const groups = new Map<string, { header: boolean; encoding: InputEncoding; files: FileShape[] }>()
  for (const f of files) {
    const encoding = f.encoding ?? 'utf-8'
    const key = `${f.hasHeader}/${encoding}`
    const group = groups.get(key) ?? { header: f.hasHeader, encoding, files: [] }
    group.files.push(f)
    groups.set(key, group)
  }
  // Files with a header first, as before, so a single kind of input compiles to the same SQL.
  return [...groups.values()]
    .sort((a, b) => Number(b.header) - Number(a.header))
    .map((g) => readCsv(g.files, g.header, g.encoding))
    .join('\nunion all\n')
}
