/**
 * Looks at the head of one extract file before DuckDB reads it: is there a header line, and is this
 * the DOJ format at all? Refusing early gives a one-line error instead of a run where every row is rejected.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { DOJ_COLUMN_COUNT, DOJ_COLUMN_NAMES } from '../../data-contracts/doj-extract.contract.ts'
import type { InputEncoding } from '../../data-contracts/input-encodings.ts'
import { UserError } from '../lib/user-error.ts'

export interface FileShape {
  path: string
  hasHeader: boolean
  bytes: number
  /** Whether the file holds a NUL byte (to strip at read); unknown (undefined) is treated as yes. */
  hasNul?: boolean
  /** The encoding the file is read in (--encoding); UTF-8 when not given. */
  encoding?: InputEncoding
}

/**
 * A NUL byte anywhere in the file? memchr over 8 MB reads (a fraction of a second per GB): a file without one,
 * the usual case, is read without a per-field NUL check.
 */
function holdsNul(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(1 << 23)
    for (let pos = 0; ;) {
      const n = readSync(fd, buf, 0, buf.length, pos)
      if (n <= 0) return false
      if (buf.subarray(0, n).indexOf(0) >= 0) return true
      pos += n
    }
  } finally {
    closeSync(fd)
  }
}

const SAMPLE_BYTES = 1 << 20
/** U+FEFF as UTF-8 bytes, read as latin1. */
const UTF8_BOM = '\xef\xbb\xbf'

function readHead(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, statSync(path).size))
    const n = readSync(fd, buf, 0, buf.length, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** Lines of the sample the look parses: the header and enough rows to find a whole one among stray lines. */
const LOOK_LINES = 200

/** Where the text's n-th line ends (after its break), or its length. */
function lineEnd(text: string, n: number): number {
  let at = 0
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', at)
    if (nl < 0) return text.length
    at = nl + 1
  }
  return at
}

/** Field count of a record, ignoring one trailing empty field (a trailing comma, seen in real headers). */
function width(fields: string[]): number {
  return fields.length === DOJ_COLUMN_COUNT + 1 && fields.at(-1) === '' ? DOJ_COLUMN_COUNT : fields.length
}

/** The file with whether it holds a NUL byte (a read of the whole file). */
export const withNulScan = (f: FileShape): FileShape =>
  f.hasNul === undefined ? { ...f, hasNul: holdsNul(f.path) } : f

/**
 * The file's shape from its first megabyte; `scanNul` false leaves hasNul unknown (undefined) rather than reading
 * the whole file for a NUL byte, for a file the native reader will try first (it refuses one itself).
 */
export function inspectFile(path: string, encoding: InputEncoding = 'utf-8', scanNul = true): FileShape {
  const bytes = statSync(path).size
  // Excel writes a UTF-8 byte order mark before the header; DuckDB's reader skips it, so does this look.
  const raw = readHead(path)
  const head = raw.startsWith(UTF8_BOM) ? raw.slice(UTF8_BOM.length) : raw
  if (bytes === 0 || head.trim() === '') throw new UserError(`${path}: file is empty`)
  // Drop the possibly cut last line of the sample (lines may end in LF, CRLF or a lone CR).
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'))
  const whole = bytes > raw.length ? head.slice(0, cut + 1) : head
  // The look parses the first LOOK_LINES lines only: parsing the whole 1 MB sample (about 3,300 lines) took 0.4 s
  // before every run.
  const complete = whole.slice(0, lineEnd(whole, LOOK_LINES))
  // DuckDB's reader fails on a file that mixes CRLF and lone CR line breaks: say so instead.
  if (/\r\n/.test(complete) && /\r[^\n]/.test(complete))
    throw new UserError(
      `${path}: mixes CRLF and lone CR line endings; convert the file to one kind (e.g. LF) and run again`,
    )
  // One line break for the look, as the reader takes them all (a lone CR too).
  const records: string[][] = parse((complete || head).replace(/\r\n?/g, '\n'), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  })
  if (records.length === 0)
    throw new UserError(`${path}: no readable line in the first ${SAMPLE_BYTES} bytes`)
  const first = records[0]!.map((f) => f.trim().toUpperCase())
  const hasHeader = first.includes('SUBJECT_ID') || first[0] === 'RECORD_ID'
  if (hasHeader) {
    const names = width(first) === DOJ_COLUMN_COUNT ? first.slice(0, DOJ_COLUMN_COUNT) : first
    const bad = DOJ_COLUMN_NAMES.findIndex((n, i) => names[i] !== n)
    if (names.length !== DOJ_COLUMN_COUNT || bad >= 0) {
      const detail =
        names.length !== DOJ_COLUMN_COUNT
          ? `header has ${names.length} columns, expected ${DOJ_COLUMN_COUNT}`
          : `header column ${bad + 1} is "${names[bad]}", expected "${DOJ_COLUMN_NAMES[bad]}"`
      throw new UserError(`${path}: not in the DOJ research-file format (${detail})`)
    }
  }
  const data = hasHeader ? records.slice(1) : records
  if (hasHeader && data.length === 0 && bytes <= raw.length)
    throw new UserError(`${path}: holds the header line only, no data rows`)
  if (data.length > 0 && !data.some((r) => width(r) === DOJ_COLUMN_COUNT)) {
    const counts = [...new Set(data.map((r) => r.length))].slice(0, 3).join(', ')
    throw new UserError(
      `${path}: not in the DOJ research-file format (rows have ${counts} columns, expected ${DOJ_COLUMN_COUNT})`,
    )
  }
  return { path, hasHeader, bytes, hasNul: scanNul ? holdsNul(path) : undefined, encoding }
}
