/**
 * The DOJ step's lines found without a scan: when the native reader read the inputs, it noted where every CONVICTED
 * line of every count is (fold_count_lines_*.parquet: the count's SUBJECT_ID and CNT_ORDER as staging cleans them, and
 * each line's input, byte offset and length). The step joins those to its ranked in-scope counts, then reads each
 * input once, front to back, and copies out the noted lines. The check that the input is still the file the run
 * read: its identity unchanged since the run's ledger hashed it (pipelines/lib/file-identity.ts), or else a hash of
 * every byte it reads. The JavaScript scan (doj-line-scan.ts) finds the same lines by splitting every
 * "convicted" line of the input into fields; at 2M lines it and its hash took about 3 CPU-s of the step's 10.
 *
 * The same lines: a count is in scope by its cleaned SUBJECT_ID and CNT_ORDER, and the scan's trim of the raw
 * fields (Unicode space separators off both ends) is the reader's cleaning of them; a CONVICTED line is one whose
 * trimmed, upper-cased DISP_DESCR starts with the word, in both (the reader declines a file where that start is past
 * ASCII). test/pipelines/outputs/doj-results-lines.test.ts holds the paths to the same bytes.
 */
import { open } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import type { Db } from '../lib/duckdb.ts'
import { foldParquetSelect } from '../../sql/sources/fold_tables.ts'
import { changedSinceRun } from '../export/run-inputs.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import { addLine, emptyLines, type CountLines } from './doj-line-scan.ts'
import { RANKED_TABLE } from './doj-results-sql.ts'
import { READ_BYTES } from '../lib/read-chunks.ts'
import { identityOfHandle, sameIdentity, type FileIdentity } from '../lib/file-identity.ts'

/** The reader's notes (fold_count_lines_*.parquet): subject_id, cnt_order, and `lines`, each `file:offset:length`. */
export const countLinesSource = (files: readonly string[]) =>
  `(${foldParquetSelect(files, { subject_id: 'VARCHAR', cnt_order: 'VARCHAR', lines: 'VARCHAR' })})`

/** Each in-scope count's lines as `rank file:offset:length …`, a count a line, in rank order (UTF-8 bytes). */
const spansSql = (files: readonly string[]) => `select encode(coalesce(string_agg(
    r.rank::varchar || ' ' || l.lines, chr(10) order by r.rank), '')) as spans
from ${countLinesSource(files)} l
join ${RANKED_TABLE} r on r.subject_id = l.subject_id and r.cnt_order = l.cnt_order`

/** One input's noted lines: rank, offset and length side by side. */
interface Spans {
  rank: number[]
  offset: number[]
  length: number[]
}

const SPACE = 0x20
const COLON = 0x3a
const LF = 0x0a

/**
 * The noted lines of each input, and how many counts have notes; null when a note names an input the run did not
 * read. Parsed byte by byte: splitting the text into strings cost about 1 s for 2M lines.
 */
function parseSpans(bytes: Uint8Array, inputs: number): { perInput: Spans[]; ranks: number } | null {
  const perInput: Spans[] = Array.from({ length: inputs }, () => ({ rank: [], offset: [], length: [] }))
  let ranks = 0
  let i = 0
  const number = (): number => {
    let x = 0
    for (let c = bytes[i]!; c >= 0x30 && c <= 0x39; c = bytes[++i]!) x = x * 10 + (c - 0x30)
    return x
  }
  while (i < bytes.length) {
    const rank = number()
    ranks++
    while (bytes[i] === SPACE) {
      i++
      const file = number()
      i++ // ':'
      const offset = number()
      i++ // ':'
      const length = number()
      const s = perInput[file]
      if (!s || bytes[i - 1] === COLON) return null
      s.rank.push(rank)
      s.offset.push(offset)
      s.length.push(length)
    }
    if (i < bytes.length && bytes[i] !== LF) return null
    i++
  }
  return { perInput, ranks }
}

/**
 * Every input's lines of in-scope counts, as the scan would give them; null when the notes do not cover every
 * in-scope count (the step then scans). Throws if an input is not the file the run hashed.
 */
export async function spannedInputs(
  db: Db,
  inputs: readonly FileReconciliation[],
  runId: string,
  countLines: readonly string[],
  counts: number,
  asRead: ReadonlyMap<string, FileIdentity> = new Map(),
): Promise<CountLines[] | null> {
  const parsed = parseSpans(await db.bytes(spansSql(countLines)), inputs.length)
  if (!parsed || parsed.ranks !== counts) return null
  const out: CountLines[] = []
  for (const [i, f] of inputs.entries())
    out.push(await readSpans(f, runId, parsed.perInput[i]!, asRead.get(f.file)))
  return out
}

/** The noted lines in file order: by offset (packed with the index into one number where that is exact). */
function fileOrder(spans: Spans): number[] {
  const n = spans.offset.length
  const max = spans.offset.reduce((m, o) => Math.max(m, o), 0)
  if (max * 2 ** 22 >= Number.MAX_SAFE_INTEGER || n >= 2 ** 22)
    return Array.from({ length: n }, (_, i) => i).sort((a, b) => spans.offset[a]! - spans.offset[b]!)
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = spans.offset[i]! * 2 ** 22 + i
  packed.sort()
  return Array.from(packed, (p) => p % 2 ** 22)
}

/**
 * Reads one input front to back and keeps its noted lines (in file order). It hashes the bytes unless the file is
 * still of the identity it had while the run hashed it (`asRead`), before the first read and after the last: at 5M
 * lines the hash was 1.0 of the 1.7 s this read took on one thread, at the end of the run.
 */
async function readSpans(
  f: FileReconciliation,
  runId: string,
  spans: Spans,
  asRead: FileIdentity | undefined,
): Promise<CountLines> {
  const order = fileOrder(spans)
  let lines = emptyLines()
  const used = { bytes: 0, at: 0 }
  const file = await open(f.file)
  const unchanged = async () => asRead !== undefined && sameIdentity(asRead, await identityOfHandle(file))
  const hash = (await unchanged()) ? null : createHash('sha256')
  // The ledger's read size (read-chunks.ts), for the same reason: the chunk is still in cache when it is hashed. A
  // noted line longer than the buffer grows it.
  let buf = Buffer.allocUnsafeSlow(READ_BYTES)
  let next = 0 // the next noted line, in file order
  let have = 0 // bytes carried over from the last read (the start of a noted line)
  let offset = 0 // file offset of buf[0]
  try {
    for (;;) {
      const { bytesRead } = await file.read(buf, have, buf.length - have, null)
      const end = have + bytesRead
      if (bytesRead > 0) hash?.update(buf.subarray(have, end))
      for (; next < order.length; next++) {
        const s = order[next]!
        const from = spans.offset[s]! - offset
        const to = from + spans.length[s]!
        if (to > end) break
        lines = addLine(lines, spans.rank[s]!, spans.offset[s]!, buf, from, to, used)
      }
      if (bytesRead === 0) break
      // Keep the start of a noted line the read cut; a line longer than the buffer grows it.
      const cut = next < order.length ? Math.min(Math.max(spans.offset[order[next]!]! - offset, 0), end) : end
      buf.copyWithin(0, cut, end)
      offset += cut
      have = end - cut
      if (have === buf.length) {
        const wider = Buffer.allocUnsafeSlow(buf.length * 2)
        buf.copy(wider, 0, 0, have)
        buf = wider
      }
    }
    // Another file, or the same one changed, grown or cut short since the run read it.
    const same = hash ? hash.digest('hex') === f.sha256 : await unchanged()
    if (!same || next !== order.length) throw changedSinceRun(f, runId)
  } finally {
    await file.close()
  }
  return lines
}
