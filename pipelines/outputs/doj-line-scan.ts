/**
 * One input read once in JavaScript for the DOJ result files: its bytes are hashed as they pass (the check that it
 * is the file the run read), and the physical lines of in-scope counts are found by the three fields the row
 * filter reads (SUBJECT_ID, CNT_ORDER, DISP_DESCR), so DuckDB never parses the file again.
 *
 * Only a line holding "convicted" in any case can be wanted (its DISP_DESCR starts with the word), so a regular
 * expression over the bytes finds the few lines worth splitting into fields. A line is split only as far as it is
 * plainly well formed: every field either unquoted with no quote in it, or wholly quoted with its quotes doubled,
 * and 95 fields. Anything else (a stray quote, text after a closing quote, another field count) is a quirk of
 * DuckDB's reader this scan does not copy, and the scan gives up: the step then takes the parsing path, which reads
 * the file as ingest did. Callers use it only for an input whose ledger found one record per physical line, no NUL
 * byte and no rejected line, so every line it sees is one DuckDB loaded.
 *
 * The filter is the parsing path's, value for value: `trim` strips the Unicode space separators (category Zs, as
 * DuckDB's does), and DISP_DESCR qualifies when, trimmed and upper-cased, it starts with CONVICTED (DuckDB's
 * upper() and JavaScript's agree on every character that upper-cases to one of its letters: the dotless ı is the
 * only non-ASCII one, in both).
 */
import { open } from 'node:fs/promises'
import { createHash } from 'node:crypto'

/** A line worth splitting: "convicted" in any case (the dotless ı too, as UTF-8 read byte by byte). */
const CANDIDATE = /conv(?:i|\xC4\xB1)cted/gi

const CHUNK_BYTES = 16 << 20

/**
 * The lines found: parallel arrays, `n` long. Each line's bytes are copied as it passes into `blocks` (block,
 * offset); past ARENA_BYTES a line is left in the file (block -1) and read again at `start` when written.
 */
export interface CountLines {
  n: number
  rank: Int32Array
  start: Float64Array
  length: Int32Array
  formula: Uint8Array
  block: Int32Array
  offset: Int32Array
  blocks: Buffer[]
}

/** Line bytes kept in memory per scan (then read again from the file): a statewide county's lines fit. */
const ARENA_BYTES = 512 << 20
const BLOCK_BYTES = 32 << 20

export type LineScan = { kind: 'lines'; sha256: string; lines: CountLines } | { kind: 'quirk'; why: string }

/** Where a wanted line's count stands in the step's order, by its trimmed SUBJECT_ID and CNT_ORDER. */
export type CountRank = (subject: string, cntOrder: string) => number | undefined

const ZS_EDGES = /^\p{Zs}+|\p{Zs}+$/gu

/** DuckDB's trim(): the Unicode space separators off both ends. */
export function trimSpaces(s: string): string {
  if (!s) return s
  const a = s.charCodeAt(0)
  const z = s.charCodeAt(s.length - 1)
  // Every space separator is U+0020 or past U+007F: a value with other ends is its own trim (the common case).
  if (a !== 0x20 && a < 0x80 && z !== 0x20 && z < 0x80) return s
  return s.replace(ZS_EDGES, '')
}

function grow(l: CountLines): CountLines {
  const size = Math.max(1024, l.rank.length * 2)
  const wider = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(size)
    b.set(a as never)
    return b
  }
  return {
    ...l,
    rank: wider(l.rank, (n) => new Int32Array(n)),
    start: wider(l.start, (n) => new Float64Array(n)),
    length: wider(l.length, (n) => new Int32Array(n)),
    formula: wider(l.formula, (n) => new Uint8Array(n)),
    block: wider(l.block, (n) => new Int32Array(n)),
    offset: wider(l.offset, (n) => new Int32Array(n)),
  }
}

export const emptyLines = (): CountLines => ({
  n: 0,
  rank: new Int32Array(0),
  start: new Float64Array(0),
  length: new Int32Array(0),
  formula: new Uint8Array(0),
  block: new Int32Array(0),
  offset: new Int32Array(0),
  blocks: [],
})

/** Copies a line into the scan's blocks; returns [block, offset], or [-1, 0] once the blocks are full. */
function keep(
  l: CountLines,
  buf: Buffer,
  from: number,
  to: number,
  used: { bytes: number; at: number },
): [number, number] {
  const len = to - from
  if (used.bytes + len > ARENA_BYTES) return [-1, 0]
  let b = l.blocks.length - 1
  if (b < 0 || used.at + len > l.blocks[b]!.length) {
    l.blocks.push(Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, len)))
    b++
    used.at = 0
  }
  buf.copy(l.blocks[b]!, used.at, from, to)
  const at = used.at
  used.at += len
  used.bytes += len
  return [b, at]
}

/**
 * Adds the wanted line buf[from, to), which starts at byte `start` of its input, with its count's rank: whether a
 * field may start a formula, and its bytes kept (keep). Returns the lines (grown when full).
 */
export function addLine(
  l: CountLines,
  rank: number,
  start: number,
  buf: Buffer,
  from: number,
  to: number,
  used: { bytes: number; at: number },
): CountLines {
  const lines = l.n === l.rank.length ? grow(l) : l
  const i = lines.n++
  lines.rank[i] = rank
  lines.start[i] = start
  lines.length[i] = to - from
  lines.formula[i] = mayStartFormula(buf, from, to) ? 1 : 0
  const [block, at] = keep(lines, buf, from, to, used)
  lines.block[i] = block
  lines.offset[i] = at
  return lines
}

/**
 * The parsing path's formula test, `(^|,)"?[=+\-@\t\r]` over the raw line: at its start or after any comma
 * (one inside a quoted field too), an optional quote, then a character that may start a formula.
 */
export function mayStartFormula(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (i !== from && buf[i - 1] !== 0x2c) continue
    let j = i
    if (buf[j] === 0x22) j++
    if (j >= to) continue
    const c = buf[j]!
    if (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d) return true
  }
  return false
}

/**
 * One well-formed record of the DOJ layout on one line, capturing SUBJECT_ID (field 3), CNT_ORDER (51) and
 * DISP_DESCR (81): every field unquoted with no quote or line break in it, or wholly quoted with its quotes doubled.
 * Matched from a line's start (sticky) over the chunk read as latin1, a byte per character.
 */
const FIELD = '(?:[^,"\\r\\n]*|"(?:[^"\\n]|"")*")'
const KEPT = `(${FIELD})`
const RECORD = new RegExp(
  `${FIELD},${FIELD},${KEPT}(?:,${FIELD}){47},${KEPT}(?:,${FIELD}){29},${KEPT}(?:,${FIELD}){14}`,
  'y',
)

/** A field's value as DuckDB reads it (quotes removed, doubled quotes undone), from its latin1 text. */
function fieldValue(latin1: string): string {
  const raw = latin1.startsWith('"') ? latin1.slice(1, -1).replaceAll('""', '"') : latin1
  return NOT_ASCII.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw
}
const NOT_ASCII = /[\x80-\xff]/

const WORD = 'CONVICTED'

/**
 * DISP_DESCR's test on the parsing path: trimmed and upper-cased, it starts with CONVICTED. Given the field as it
 * stands in the line (quoted or not), read as latin1.
 */
export function isConvicted(dispDescr: string): boolean {
  // The common case, decided without copying: an unquoted value that starts with the word in ASCII letters.
  if (dispDescr.length >= WORD.length && (dispDescr.charCodeAt(0) | 0x20) === 0x63) {
    let i = 0
    for (; i < WORD.length; i++) {
      const c = dispDescr.charCodeAt(i)
      if (c >= 0x80) break // a letter upper() may map onto the word's (the dotless ı): the full test decides
      if ((c & 0xdf) !== WORD.charCodeAt(i)) return false
    }
    if (i === WORD.length) return true
  }
  return trimSpaces(fieldValue(dispDescr)).toUpperCase().startsWith(WORD)
}

/**
 * Scans one input: hashes every byte and returns each wanted line's count rank, offset, length and whether a field
 * may start a formula; or the first quirk that sends the step to its parsing path.
 */
export async function scanCountLines(path: string, hasHeader: boolean, rankOf: CountRank): Promise<LineScan> {
  const hash = createHash('sha256')
  const file = await open(path)
  const buf = Buffer.allocUnsafeSlow(CHUNK_BYTES)
  let lines = emptyLines()
  const used = { bytes: 0, at: 0 }
  let have = 0 // bytes carried over from the last chunk (a line not yet ended)
  let offset = 0 // file offset of buf[0]
  let skipHeader = hasHeader
  try {
    for (;;) {
      const { bytesRead } = await file.read(buf, have, CHUNK_BYTES - have, null)
      const end = have + bytesRead
      if (bytesRead > 0) hash.update(buf.subarray(have, end))
      const last = bytesRead === 0
      // Whole lines only; at the end of the file the last line needs no break.
      const cut = last ? end : buf.lastIndexOf(0x0a, end - 1) + 1
      if (cut === 0 && !last) {
        if (end === CHUNK_BYTES) return { kind: 'quirk', why: `a line longer than ${CHUNK_BYTES} bytes` }
        have = end
        continue
      }
      // A byte-order mark before a first line that is data: DuckDB's reader drops it, a line kept as read would not.
      if (offset === 0 && !hasHeader && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
        return { kind: 'quirk', why: 'a byte-order mark before the first record' }
      let from = 0
      if (skipHeader) {
        const nl = buf.indexOf(0x0a)
        from = nl < 0 || nl >= cut ? cut : nl + 1
        skipHeader = false
      }
      const text = buf.toString('latin1', from, cut)
      CANDIDATE.lastIndex = 0
      for (let hit = CANDIDATE.exec(text); hit; hit = CANDIDATE.exec(text)) {
        const ls = text.lastIndexOf('\n', hit.index) + 1
        let le = text.indexOf('\n', hit.index)
        if (le < 0) le = text.length
        CANDIDATE.lastIndex = le
        let to = from + le
        if (to > from + ls && buf[to - 1] === 0x0d) to--
        RECORD.lastIndex = ls
        const m = RECORD.exec(text)
        if (!m || RECORD.lastIndex !== to - from)
          return {
            kind: 'quirk',
            why: `line at byte ${offset + from + ls} is not a plain record of 95 fields`,
          }
        if (!isConvicted(m[3]!)) continue
        const rank = rankOf(trimSpaces(fieldValue(m[1]!)), trimSpaces(fieldValue(m[2]!)))
        if (rank === undefined) continue
        const lineStart = from + ls
        lines = addLine(lines, rank, offset + lineStart, buf, lineStart, to, used)
      }
      if (last) break
      buf.copyWithin(0, cut, end)
      offset += cut
      have = end - cut
    }
  } finally {
    await file.close()
  }
  return { kind: 'lines', sha256: hash.digest('hex'), lines }
}
