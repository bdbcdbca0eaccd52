/**
 * What a run folder's manifest.json holds, and the run parameters every model and output is computed under.
 * The contract of the run as a whole: pipelines/ writes it, the output renderers read it (run id, as-of date,
 * policy, tool version), `relief export` and `relief report` read it back from disk.
 */

import type { InputEncoding } from './input-encodings.ts'

/** The run's parameters as the run_params seed holds them (sql/seeds/run_params.ts). */
export interface RunParams {
  /** 'YYYY-MM-DD': sentence ends and ages are measured against it, never against today. */
  as_of_date: string
  /** The --county filter (a county name as in ref_counties), or null for a statewide run. */
  county_filter: string | null
  policy_name: string
}

/** How the run was asked for: the options that change a result. */
export interface RunOptionsRecord {
  county: string | null
  policy: string
  policy_file: string | null
  policy_sha256: string | null
  threads: number | null
  memory_limit: string | null
  /** The character encoding every input was read in (--encoding); absent before it was recorded (UTF-8). */
  encoding?: InputEncoding
}

/** One input file's ledger: rows_read == rows_loaded + rows_rejected, or the run says it is unbalanced. */
export interface FileReconciliation {
  file: string
  sha256: string
  bytes: number
  has_header: boolean
  /** Non-empty physical lines after any header (a quoted field holding a line break spans two). */
  lines_read: number
  /** CSV records after any header: the figure loaded + rejected must match. */
  rows_read: number
  rows_loaded: number
  rows_rejected: number
  /**
   * Rejected lines whose SUBJECT_ID cannot be read or names nobody loaded: they send no one's counts to review
   * (P64-DATA-04 needs a person), so they are counted here and must be checked by hand in rejects.csv.
   */
  rows_rejected_no_person: number
  /** NUL bytes removed from fields while reading. */
  nul_bytes_removed: number
  /** The character encoding the file was read in; absent in manifests written before it was recorded (UTF-8). */
  encoding?: InputEncoding
  /**
   * Rejected lines whose bytes are not text in that encoding (DuckDB's INVALID ENCODING): a Latin-1 extract read
   * as UTF-8 loses every line with an accented letter this way, and the run says so.
   */
  rows_rejected_encoding?: number
  balanced: boolean
}

/** The ledger of every input file together: read must equal loaded plus rejected. */
export interface LedgerTotals {
  rows_read: number
  rows_loaded: number
  rows_rejected: number
  balanced: boolean
}

export interface Manifest {
  tool: { name: string; version: string; commit: string | null }
  run_id: string
  as_of: string
  options: RunOptionsRecord
  inputs: FileReconciliation[]
  totals: LedgerTotals
  counts: {
    in_scope_counts: number
    subjects: number
    by_statute_determination: Record<string, number>
    by_determination: Record<string, number>
    /** Non-Prop-64 counts a policy's related_charges reach (statute rule P64-SCOPE-01); not in the counts above. */
    related_charge_rows: number
    related_by_determination: Record<string, number>
  }
  outputs: string[]
  /**
   * How the input was read: 'native', the native reader's fold (pipelines/ingest/native), or 'duckdb', DuckDB's
   * reader and the line table; with why the native reader was not used. The results are the same either way.
   * Absent in manifests written before it was recorded (DuckDB).
   */
  reader?: { name: 'native' | 'duckdb'; why?: string }
  /** Written last, and only when every file in `outputs` exists; a manifest without it is of an unfinished write. */
  status?: 'complete'
}
