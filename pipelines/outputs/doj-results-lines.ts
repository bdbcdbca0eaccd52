/**
 * The DOJ step's line path (issue 11): the result files written from the input's own lines, found by a JavaScript
 * scan (doj-line-scan.ts) instead of DuckDB reading the input twice more (whole lines, then the candidate lines
 * parsed). The bytes are the parsing path's, file for file: the same rows, each its original line (or, where a
 * field may start a formula, the line rebuilt by the same SQL), then its count's eligibility text, in the same
 * order (file, person, count, then the line's own bytes, as DuckDB sorts text).
 *
 * It takes the default rows (`counts`) of UTF-8 inputs whose ledger found one record per physical line, no NUL byte
 * and no rejected line, and counts with distinct, plain keys. (A Latin-1 input's lines must be written in UTF-8,
 * which DuckDB's reading does.) Anything else, or a quirk the scan meets, returns false before anything is written,
 * and the step takes the parsing path. The scan hashes each input as it reads it.
 */
import { closeSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { join } from 'node:path'
import type { Db } from '../lib/duckdb.ts'
import type { FileIdentity } from '../lib/file-identity.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { releaseRetainedMemoryAtLimit } from '../run/release-memory.ts'
import { sizedForInput } from '../run/resource-options.ts'
import { changedSinceRun, oneRecordPerLine } from '../export/run-inputs.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import { DOJ_RESULT_COLUMNS } from '../../data-contracts/outputs/doj-results.contract.ts'
import { scanCountLines, type CountLines, type CountRank } from './doj-line-scan.ts'
import { spannedInputs } from './doj-count-spans.ts'
import { writeNatively } from './doj-native-lines.ts'
import {
  CANDIDATE_COLUMNS,
  countChecksSql,
  countKeysSql,
  countsPerFileSql,
  countTextSql,
  KEY_SEP,
  parseSql,
  OUTCOMES_TABLE,
  outcomesSql,
  RANKED_TABLE,
  rankedTablesSql,
  rebuiltLinesSql,
  ROW_SEP,
} from './doj-results-sql.ts'

/** Whether the line path can take these inputs at all (before any scan). */
export const linePathTakes = (inputs: readonly FileReconciliation[]): boolean =>
  inputs.every((f) => oneRecordPerLine(f) && f.rows_rejected === 0 && (f.encoding ?? 'utf-8') === 'utf-8')

/**
 * The rank of a count by its person and count, from countKeysSql's keys (sorted by person, then count): a map from
 * each person to their first key, then a look along their few counts. No key is built per line: joining the two
 * values into one string cost more than the rest of the lookup.
 */
function rankLookup(joined: string, n: number): CountRank {
  const counts: string[] = new Array<string>(n)
  const ranks = new Int32Array(n)
  const end = new Int32Array(n)
  const firstOf = new Map<string, number>()
  let last = ''
  let first = 0
  // Read in place (no array per key): `person KEY_SEP count KEY_SEP rank`, keys joined by ROW_SEP.
  for (let i = 0, at = 0; i < n; i++) {
    const a = joined.indexOf(KEY_SEP, at)
    const b = joined.indexOf(KEY_SEP, a + 1)
    let c = joined.indexOf(ROW_SEP, b + 1)
    if (c < 0) c = joined.length
    const subject = joined.slice(at, a)
    counts[i] = joined.slice(a + 1, b)
    ranks[i] = Number(joined.slice(b + 1, c))
    if (i === 0 || subject !== last) {
      first = i
      firstOf.set(subject, i)
      last = subject
    }
    end[first] = i + 1
    at = c + 1
  }
  return (subject, cnt) => {
    const from = firstOf.get(subject)
    if (from === undefined) return undefined
    for (let i = from; i < end[from]!; i++) if (counts[i] === cnt) return ranks[i]
    return undefined
  }
}

/** The scan's rank lookup, from every count's keys (countKeysSql). */
async function scanLookup(db: Db, counts: number): Promise<CountRank> {
  return rankLookup((await db.rows<{ keys: string }>(countKeysSql))[0]!.keys, counts)
}

/** Every input's lines, one numbering: hit h is line `at[h]` of input `input[h]`'s scan, its count `rank[h]`. */
interface Hits {
  scans: CountLines[]
  input: Int32Array
  at: Int32Array
  rank: Int32Array
}

function allHits(scans: CountLines[]): Hits {
  const n = scans.reduce((s, l) => s + l.n, 0)
  const hits = { scans, input: new Int32Array(n), at: new Int32Array(n), rank: new Int32Array(n) }
  let h = 0
  for (const [i, l] of scans.entries())
    for (let j = 0; j < l.n; j++, h++) {
      hits.input[h] = i
      hits.at[h] = j
      hits.rank[h] = l.rank[j]!
    }
  return hits
}

/** A hit's line bytes: from the scan's blocks, or read again from the file past them. */
function lineBytes(fds: readonly number[], hits: Hits, h: number): Uint8Array {
  const l = hits.scans[hits.input[h]!]!
  const j = hits.at[h]!
  const block = l.block[j]!
  if (block >= 0) return l.blocks[block]!.subarray(l.offset[j]!, l.offset[j]! + l.length[j]!)
  const b = Buffer.allocUnsafe(l.length[j]!)
  if (readSync(fds[hits.input[h]!]!, b, 0, b.length, l.start[j]!) !== b.length)
    throw new Error('an input changed while the DOJ files were written')
  return b
}

/** A hit's line written into `file`: copied from the scan's block where it was kept, else read again. */
function putLine(file: FileWriter, fds: readonly number[], hits: Hits, h: number): void {
  const l = hits.scans[hits.input[h]!]!
  const j = hits.at[h]!
  const block = l.block[j]!
  if (block >= 0) file.copyFrom(l.blocks[block]!, l.offset[j]!, l.offset[j]! + l.length[j]!)
  else file.put(lineBytes(fds, hits, h))
}

/**
 * Lines with a field that may start a formula, rebuilt by the parsing path's SQL (each field made safe): the
 * distinct lines go through a candidate file parsed with ingest's options. Returns each line's text, in order: the
 * rebuilt one, or the line itself where it does not parse (as on the parsing path).
 */
async function rebuiltFormulaLines(
  db: Db,
  lines: readonly Uint8Array[],
  scratch: string,
): Promise<Uint8Array[]> {
  const texts = lines.map((l) => Buffer.from(l.buffer, l.byteOffset, l.length).toString('utf8'))
  const rebuilt = new Map<string, Buffer>()
  const path = join(scratch, 'formula-lines.csv')
  writeFileSync(path, [...new Set(texts)].map((l) => `"${l.replaceAll('"', '""')}",${l}\n`).join(''))
  try {
    const rows = await db.rows<{ doj_line: string; rebuilt: string }>(
      rebuiltLinesSql(parseSql(path, false, CANDIDATE_COLUMNS)),
    )
    for (const r of rows) rebuilt.set(r.doj_line, Buffer.from(r.rebuilt, 'utf8'))
  } finally {
    rmSync(path, { force: true })
  }
  return lines.map((l, i) => rebuilt.get(texts[i]!) ?? l)
}

/** Where each part of a text read in one piece starts (and, at the end, one past the last part's end + 1). */
function partStarts(joined: Uint8Array, parts: number): Int32Array {
  const bytes = Buffer.from(joined.buffer, joined.byteOffset, joined.length)
  const sep = ROW_SEP.charCodeAt(0)
  const starts = new Int32Array(parts + 1)
  for (let p = 1, from = 0; p < parts; p++) {
    from = bytes.indexOf(sep, from) + 1
    starts[p] = from
  }
  starts[parts] = joined.length + 1
  return starts
}

/**
 * The hits in rank order, by counting (ranks are 0..counts-1): `first[r]` is where rank r's hits start in
 * `order`, each input's lines in file order.
 */
function byRank(hits: Hits, counts: number): { order: Int32Array; first: Int32Array } {
  const first = new Int32Array(counts + 1)
  for (const r of hits.rank) first[r + 1]!++
  for (let r = 0; r < counts; r++) first[r + 1]! += first[r]!
  const next = first.slice(0, counts)
  const order = new Int32Array(hits.rank.length)
  for (let h = 0; h < hits.rank.length; h++) order[next[hits.rank[h]!]!++] = h
  return { order, first }
}

/** One file's bytes, written through one reused buffer. */
class FileWriter {
  private out = Buffer.allocUnsafe(4 << 20)
  private used = 0
  private readonly fd: number
  constructor(path: string) {
    this.fd = openSync(path, 'w', 0o600)
  }
  put(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.out.length) {
      this.flush()
      if (bytes.length > this.out.length) this.out = Buffer.allocUnsafe(bytes.length)
    }
    this.out.set(bytes, this.used)
    this.used += bytes.length
  }
  /** src[from, to), copied without a view of it made (most lines are written this way). */
  copyFrom(src: Buffer, from: number, to: number): void {
    if (this.used + (to - from) > this.out.length) return this.put(src.subarray(from, to))
    src.copy(this.out, this.used, from, to)
    this.used += to - from
  }
  byte(b: number): void {
    if (this.used === this.out.length) this.flush()
    this.out[this.used++] = b
  }
  flush(): void {
    writeSync(this.fd, this.out, 0, this.used)
    this.used = 0
  }
  close(): void {
    try {
      this.flush()
    } finally {
      closeSync(this.fd)
    }
  }
}

/**
 * One count's part of `texts` (countTextSql: its own text, KEY_SEP, its outcome's number): where its own text ends,
 * and its outcome's text. The eligibility columns are the two joined by a comma, as the parsing path writes them.
 */
function eligibilityOf(
  texts: Uint8Array,
  from: number,
  to: number,
  outcomes: ReadonlyMap<number, Buffer>,
): { textEnd: number; outcomeText: Buffer } {
  const sep = texts.lastIndexOf(KEY_SEP_BYTE, to - 1)
  let no = 0
  for (let i = sep + 1; i < to; i++) no = no * 10 + (texts[i]! - 0x30)
  const outcomeText = outcomes.get(no)
  if (sep < from || outcomeText === undefined)
    throw new Error(`DOJ files: no outcome for a count's text (${no})`)
  return { textEnd: sep, outcomeText }
}

/** What follows a count's line in its file: a comma, the count's own text, a comma, its outcome's text, a newline. */
function putEligibility(
  file: FileWriter,
  texts: Buffer,
  from: number,
  to: number,
  outcomeText: Buffer,
): void {
  file.byte(0x2c)
  file.copyFrom(texts, from, to)
  file.byte(0x2c)
  file.put(outcomeText)
  file.byte(0x0a)
}

const KEY_SEP_BYTE = KEY_SEP.charCodeAt(0)

/** Counts whose texts are read in one piece (about 4 MB). */
const ELIG_SLICE = 16_384

const HEADER = Buffer.from(`${DOJ_RESULT_COLUMNS.join(',')}\n`)

/** Every input scanned (null at the first quirk); the lookup is free once this returns. */
async function scanInputs(
  inputs: readonly FileReconciliation[],
  runId: string,
  rankOf: CountRank,
): Promise<CountLines[] | null> {
  const scans: CountLines[] = []
  for (const f of inputs) {
    const scan = await scanCountLines(f.file, f.has_header, rankOf)
    if (scan.kind === 'quirk') return null
    if (scan.sha256 !== f.sha256) throw changedSinceRun(f, runId)
    scans.push(scan.lines)
  }
  return scans
}

/** What the line path writes from: the run's database and inputs, the staged file of each county (by number). */
export interface LineJob {
  db: Db
  inputs: readonly FileReconciliation[]
  runId: string
  staged: readonly string[]
  scratch: string
  /** Where the native reader noted each count's lines (OutputContext.countLines): read instead of scanned. */
  countLines?: readonly string[]
  /** Each input's identity while the run hashed it (OutputContext.inputsAsRead): copied from without a hash. */
  asRead?: ReadonlyMap<string, FileIdentity>
}

/**
 * How the line path found the lines: the native reader's notes, copied by the native writer (doj-native-lines.ts)
 * or here (doj-count-spans.ts), or a scan of the inputs.
 */
export type LineSource = 'native' | 'notes' | 'scan'

/**
 * Writes `staged[i]` for every file i through the line path and says how it found the lines, or returns false
 * (nothing written) when it cannot take these inputs or counts. Throws if an input is not the file the run hashed.
 */
export async function writeByLines(job: LineJob): Promise<LineSource | false> {
  if (!linePathTakes(job.inputs)) return false
  await withInsertionOrder(job.db, async () => {
    for (const q of rankedTablesSql) await job.db.run(q)
  })
  try {
    return await writeRanked(job)
  } finally {
    // Their memory is the parsing path's if that follows.
    for (const t of [RANKED_TABLE, OUTCOMES_TABLE]) await job.db.run(`drop table if exists ${t}`)
  }
}

async function writeRanked(job: LineJob): Promise<LineSource | false> {
  const { db, inputs, runId, staged, scratch, countLines, asRead } = job
  const k = (await db.rows<{ counts: number; distinct_keys: number; unusable: number }>(countChecksSql))[0]!
  if (k.unusable > 0 || k.distinct_keys !== k.counts) return false
  // A statewide-size input: what the ranking's sort left in DuckDB's allocator goes back to the system before the
  // scan fills memory of its own (at 20M rows the step peaked at 3.6 GB without it).
  if (sizedForInput(inputs, undefined).largeInput) await releaseRetainedMemoryAtLimit(db)
  if (
    countLines &&
    asRead &&
    (await writeNatively({
      ...job,
      countLines,
      asRead,
      rebuild: (lines) => rebuiltFormulaLines(db, lines, scratch),
    }))
  )
    return 'native'
  const noted = countLines && (await spannedInputs(db, inputs, runId, countLines, k.counts, asRead))
  const scans = noted || (await scanInputs(inputs, runId, await scanLookup(db, k.counts)))
  if (!scans) return false

  const hits = allHits(scans)
  const { order, first } = byRank(hits, k.counts)
  const fds = inputs.map((f) => openSync(f.file, 'r'))
  try {
    const countsOf = new Map(
      (await db.rows<{ file_no: number; counts: number }>(countsPerFileSql)).map((r) => [
        r.file_no,
        r.counts,
      ]),
    )
    const outcomes = new Map(
      (await db.rows<{ outcome_no: number; outcome_text: string }>(outcomesSql)).map((r) => [
        r.outcome_no,
        Buffer.from(r.outcome_text, 'utf8'),
      ]),
    )
    let firstRank = 0
    for (const [fileNo, path] of staged.entries()) {
      const counts = countsOf.get(fileNo) ?? 0
      const begin = first[firstRank]!
      const mine = order.subarray(begin, first[firstRank + counts]!)
      // Lines with a field that may start a formula (few), rebuilt, by their place in `mine`.
      const rebuilt = new Map<number, Uint8Array>()
      const formula: number[] = []
      for (let i = 0; i < mine.length; i++)
        if (hits.scans[hits.input[mine[i]!]!]!.formula[hits.at[mine[i]!]!]) formula.push(i)
      if (formula.length) {
        const lines = await rebuiltFormulaLines(
          db,
          formula.map((i) => lineBytes(fds, hits, mine[i]!)),
          scratch,
        )
        formula.forEach((i, k) => rebuilt.set(i, lines[k]!))
      }
      const file = new FileWriter(path)
      try {
        file.put(HEADER)
        // The counts' texts in slices: one piece for a statewide county is hundreds of megabytes in one
        // allocation, within DuckDB's memory limit.
        for (let slice = 0; slice < counts; slice += ELIG_SLICE) {
          const n = Math.min(ELIG_SLICE, counts - slice)
          const bytes = await db.bytes(countTextSql(firstRank + slice, n))
          const texts = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
          const starts = partStarts(texts, n)
          for (let r = slice; r < slice + n; r++) {
            const at = starts[r - slice]!
            const { textEnd, outcomeText } = eligibilityOf(texts, at, starts[r - slice + 1]! - 1, outcomes)
            const from = first[firstRank + r]! - begin
            const to = first[firstRank + r + 1]! - begin
            // Most counts have one line, copied from where the scan kept it, no view of it made.
            if (to - from === 1 && !rebuilt.has(from)) {
              putLine(file, fds, hits, mine[from]!)
              putEligibility(file, texts, at, textEnd, outcomeText)
              continue
            }
            // A count's lines by their own bytes, as the parsing path's ORDER BY ... doj_text.
            const lines: Uint8Array[] = []
            for (let i = from; i < to; i++) lines.push(rebuilt.get(i) ?? lineBytes(fds, hits, mine[i]!))
            if (lines.length > 1) lines.sort((a, b) => Buffer.compare(a, b))
            for (const line of lines) {
              file.put(line)
              putEligibility(file, texts, at, textEnd, outcomeText)
            }
          }
        }
      } finally {
        file.close()
      }
      firstRank += counts
      await nextTurn() // the other output steps' JavaScript runs between files
    }
  } finally {
    for (const fd of fds) closeSync(fd)
  }
  return noted ? 'notes' : 'scan'
}
