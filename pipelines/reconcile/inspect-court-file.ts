/**
 * Looks at the head of one court index file before DuckDB reads it: is it the court index contract at all?
 * The header line is required and must name the contract's columns in order (any case), so a wrong file stops
 * with one line instead of a run where every record is rejected.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { COURT_INDEX_COLUMN_NAMES } from '../../data-contracts/court-index.contract.ts'
import { UserError } from '../lib/user-error.ts'
import type { FileShape } from '../ingest/inspect-file.ts'
import type { InputEncoding } from '../../data-contracts/input-encodings.ts'

const SAMPLE_BYTES = 1 << 16

export function inspectCourtFile(path: string, encoding: InputEncoding = 'utf-8'): FileShape {
  const bytes = statSync(path).size
  const fd = openSync(path, 'r')
  let head: string
  try {
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, bytes))
    head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1')
  } finally {
    closeSync(fd)
  }
  if (bytes === 0 || head.trim() === '') throw new UserError(`${path}: court index file is empty`)
  const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  const [fields] = parse(firstLine, { relax_quotes: true, relax_column_count: true }) as string[][]
  const names = (fields ?? []).map((f) => f.trim().toLowerCase())
  const expected = COURT_INDEX_COLUMN_NAMES
  const bad = expected.findIndex((n, i) => names[i] !== n)
  if (names.length !== expected.length || bad >= 0) {
    const detail =
      bad >= 0
        ? `header column ${bad + 1} is "${names[bad] ?? ''}", expected "${expected[bad]}"`
        : `header has ${names.length} columns, expected ${expected.length}`
    throw new UserError(
      `${path}: not a court case index (${detail}; see data-contracts/court-index.contract.ts)`,
    )
  }
  return { path, hasHeader: true, bytes, encoding }
}
