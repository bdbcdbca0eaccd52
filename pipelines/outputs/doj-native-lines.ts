/**
 * The DOJ step's line path done by native code (native/doj-lines.c), when the native reader noted where every
 * in-scope count's lines are and the run knows each input's identity as it hashed it: DuckDB joins the notes to the
 * ranked counts and their texts in one piece (the plan), and the writer reads each input once for the noted lines
 * and writes every county's file. The bytes are the JavaScript line path's (doj-results-lines.ts), which the tests
 * hold them to. Why: at 1M lines the JavaScript read of the whole input and its copying of the lines took about 2.2
 * CPU-s of the run's main thread, the busiest part of the DOJ step, itself the last output to finish.
 *
 * It declines (returns false, nothing written) where there is no writer (no C compiler), an input's identity is
 * unknown, a text holds one of the plan's separators, or a count has no noted line; the JavaScript path then writes
 * the files. An input whose identity changed since the run read it is refused, as on that path.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../lib/duckdb.ts'
import { nativeProgram, runProgram, type NativeProgram } from '../lib/native-program.ts'
import { sameIdentity, type FileIdentity } from '../lib/file-identity.ts'
import { changedSinceRun } from '../export/run-inputs.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import { DOJ_RESULT_COLUMNS } from '../../data-contracts/outputs/doj-results.contract.ts'
import { FILE_COLUMN, OUTCOMES_TABLE, RANKED_TABLE } from './doj-results-sql.ts'
import { countLinesSource } from './doj-count-spans.ts'

const SOURCE = fileURLToPath(new URL('./native/doj-lines.c', import.meta.url))

/** The writer's binary, compiled on first use and kept (pipelines/lib/native-program.ts). */
export const dojLineWriter = (): Promise<NativeProgram> =>
  nativeProgram('doj-lines', SOURCE, 'native DOJ line writer')

const FIELD = 'chr(1)'
const RECORD = 'chr(2)'

/** The notes, one row per count (a count noted in several inputs has its lines from each). */
const notesSql = (files: readonly string[]) => `select subject_id, cnt_order, string_agg(lines, ' ') as lines
from ${countLinesSource(files)}
group by all`

/** Every ranked count, in rank order: its file, its noted lines (empty if none), its own text, its outcome. */
const planSql = (files: readonly string[]) => `select encode(coalesce(string_agg(
    r.${FILE_COLUMN}::varchar || ${FIELD} || coalesce(l.lines, '') || ${FIELD} || r.count_text || ${FIELD}
    || r.outcome_no::varchar, ${RECORD} order by r.rank), '')) as plan
from ${RANKED_TABLE} r
left join (${notesSql(files)}) l on l.subject_id = r.subject_id and l.cnt_order = r.cnt_order`

/** The outcomes' texts by number (countChecksSql has checked the counts' own texts for the separators). */
const outcomesSql = `select encode(coalesce(string_agg(outcome_no::varchar || ${FIELD} || outcome_text, ${RECORD}
  order by outcome_no), '')) as outcomes
from ${OUTCOMES_TABLE}`

/** Whether an outcome's text holds the record separator (the writer could not tell where it ends). */
const outcomeSeparatorSql = `select coalesce(bool_or(contains(outcome_text, ${RECORD})), false) from ${OUTCOMES_TABLE}`

/** Length-prefixed lines, the writer's format for the lines that may start a formula and their rebuilt texts. */
export function lengthPrefixed(lines: readonly Uint8Array[]): Buffer {
  return Buffer.concat(lines.flatMap((l) => [Buffer.from(`${l.length}\n`), l]))
}

export function parseLengthPrefixed(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = []
  for (let at = 0; at < bytes.length;) {
    const nl = bytes.indexOf(0x0a, at)
    const n = Number(bytes.toString('latin1', at, nl))
    lines.push(bytes.subarray(nl + 1, nl + 1 + n))
    at = nl + 1 + n
  }
  return lines
}

export interface NativeLineJob {
  db: Db
  inputs: readonly FileReconciliation[]
  runId: string
  staged: readonly string[]
  scratch: string
  countLines: readonly string[]
  asRead: ReadonlyMap<string, FileIdentity>
  /** The lines that may start a formula, rebuilt as the parsing path rebuilds them (in the same order). */
  rebuild: (lines: Uint8Array[]) => Promise<Uint8Array[]>
}

/** The identities the writer reports (`identity` as it opened an input, `after` once read), by input. */
function reportedIdentities(stdout: string): { input: number; identity: FileIdentity }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('identity ') || l.startsWith('after '))
    .map((l) => {
      const [, input, dev, ino, size, mtimeNs, ctimeNs] = l.split(' ')
      return {
        input: Number(input),
        identity: {
          dev: BigInt(dev!),
          ino: BigInt(ino!),
          size: BigInt(size!),
          mtimeNs: BigInt(mtimeNs!),
          ctimeNs: BigInt(ctimeNs!),
        },
      }
    })
}

/**
 * Writes `staged[i]` for every file i with the native writer; false (nothing written) where it declines. Throws if
 * an input is not the file the run hashed.
 */
export async function writeNatively(job: NativeLineJob): Promise<boolean> {
  const identities = job.inputs.map((f) => job.asRead.get(f.file))
  if (identities.some((i) => i === undefined)) return false
  const program = await dojLineWriter()
  if (!('path' in program)) return false
  if (await job.db.scalar<boolean>(outcomeSeparatorSql)) return false
  const file = (name: string) => join(job.scratch, name)
  writeFileSync(file('plan'), await job.db.bytes(planSql(job.countLines)))
  writeFileSync(file('outcomes'), await job.db.bytes(outcomesSql))
  writeFileSync(file('paths'), job.staged.map((p) => `${p}\n`).join(''))
  writeFileSync(file('header'), `${DOJ_RESULT_COLUMNS.join(',')}\n`)
  const write = (rebuilt: string) =>
    runProgram(program.path, [
      file('plan'),
      file('outcomes'),
      file('paths'),
      file('header'),
      file('formula'),
      rebuilt,
      ...job.inputs.map((f) => f.file),
    ])
  let r = await write('-')
  if (r.code === 3) {
    const rebuilt = await job.rebuild(parseLengthPrefixed(readFileSync(file('formula'))))
    writeFileSync(file('rebuilt'), lengthPrefixed(rebuilt))
    r = await write(file('rebuilt'))
  }
  // Another file, or the same one changed, since the run hashed it: as opened, and once read.
  for (const { input, identity } of reportedIdentities(r.stdout))
    if (!sameIdentity(identity, identities[input]!)) throw changedSinceRun(job.inputs[input]!, job.runId)
  if (r.code === 5) {
    // Shorter than its notes; or cut while the writer read it, which does not know then which input it was.
    const input = job.inputs[Number(/^short (\d+)/m.exec(r.stdout)?.[1])]
    if (input) throw changedSinceRun(input, job.runId)
    throw new Error('an input changed while the DOJ files were written')
  }
  if (r.code === 4) return false
  if (r.code !== 0)
    throw new Error(`the native DOJ line writer failed: ${r.stderr.trim() || r.signal || r.code}`)
  return true
}
