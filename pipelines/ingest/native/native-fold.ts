/**
 * The native reader: doj-fold.c compiled once per machine with the system's C compiler, and run over the input
 * files before the models are built. When it folds them, the run builds FOLDED_MODELS over its tables instead of
 * the line table (sql/folded-models.ts); when it cannot (no compiler, an encoding or a line it does not take), the
 * run reads the files with DuckDB as before, and the manifest says which reader ran and why.
 *
 * Why native code: at 2M lines the SQL staging spent about 12 CPU-s turning every line into ~40 typed values, and
 * the models after it about 6 more grouping them; the fold does both in about 3 (docs/scale.md, "Session 21").
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOJ_COLUMN_NAMES } from '../../../data-contracts/doj-extract.contract.ts'
import type { FileShape } from '../inspect-file.ts'
import {
  forgetNativeProgram,
  nativeProgram,
  runProgram as run,
  type NativeProgram,
} from '../../lib/native-program.ts'

const SOURCE = fileURLToPath(new URL('./doj-fold.c', import.meta.url))

/** How the run read its input: the manifest's `reader`. */
export type ReaderChoice = 'auto' | 'native' | 'duckdb'

export type FoldResult =
  | {
      kind: 'folded'
      dir: string
      rows: Map<string, number>
      /** The reader's own CPU seconds and peak resident memory: the run's process counts neither. */
      cpuSeconds: number
      maxRssMb: number
    }
  | { kind: 'not taken'; why: string }

/** The reader's binary, compiled on first use and kept (pipelines/lib/native-program.ts). */
export const nativeReader = (): Promise<NativeProgram> => nativeProgram('doj-fold', SOURCE, 'native reader')

/** Why the native reader would not take these files whatever they hold, or undefined. */
export function notForNative(files: readonly FileShape[]): string | undefined {
  const other = files.find((f) => (f.encoding ?? 'utf-8') !== 'utf-8')
  if (other) return `${other.path} is read as ${other.encoding}; the native reader reads UTF-8 only`
  // Unknown (not looked for) is left to the reader, which refuses a NUL byte itself.
  const nul = files.find((f) => f.hasNul === true)
  if (nul) return `${nul.path} holds a NUL byte`
  return undefined
}

/**
 * Folds the files into `dir` (created owner-only; the caller removes it). Resolves 'not taken' with the reason
 * when the reader cannot be built or meets a line it does not take, or when `stop` is aborted (the run failed
 * first: the reader is not started, or is killed); rejects only on a failure of the reader itself.
 */
export async function foldInputs(
  files: readonly FileShape[],
  dir: string,
  stop?: AbortSignal,
): Promise<FoldResult> {
  const why = notForNative(files)
  if (why) return { kind: 'not taken', why }
  const reader = await nativeReader()
  if ('why' in reader) return { kind: 'not taken', why: reader.why }
  const stopped = { kind: 'not taken', why: 'the run stopped before the native reader ended' } as const
  // A run that failed while the reader was being built: its work folder is gone, and is not made again.
  if (stop?.aborted) return stopped
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const headers = files.map((f) => (f.hasHeader ? '1' : '0')).join('')
  const args = [dir, DOJ_COLUMN_NAMES.join(','), headers, ...files.map((f) => f.path)]
  const r = await run(reader.path, args, stop)
  if (stop?.aborted) {
    rmSync(dir, { recursive: true, force: true })
    return stopped
  }
  if (r.code === -1) {
    rmSync(dir, { recursive: true, force: true })
    // Stopped by a signal (out of memory, say): DuckDB reads the files, and the manifest says why.
    if (r.signal) return { kind: 'not taken', why: `the native reader was stopped by ${r.signal}` }
    // Not started (its build removed since it was found): the next run builds it again.
    forgetNativeProgram('doj-fold')
    return { kind: 'not taken', why: `the native reader could not be started: ${r.stderr}` }
  }
  if (r.code === 3) {
    const q = JSON.parse(r.stdout) as { quirk: string; file: string; line: number }
    rmSync(dir, { recursive: true, force: true })
    return { kind: 'not taken', why: `${q.file} line ${q.line}: ${q.quirk}` }
  }
  if (r.code !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`the native reader failed (exit ${r.code}): ${r.stderr.trim()}`)
  }
  const summary = JSON.parse(r.stdout) as {
    files: { rows: number }[]
    cpu_seconds: number
    max_rss_kb: number
  }
  return {
    kind: 'folded',
    dir,
    rows: new Map(files.map((f, i) => [f.path, summary.files[i]!.rows])),
    cpuSeconds: summary.cpu_seconds,
    maxRssMb: Math.round(summary.max_rss_kb / 1024),
  }
}

/**
 * Moves the reader's notes of where each count's lines are (fold_count_lines_*.parquet) from its folder into `dir`
 * (owner-only, in the same work folder), for the DOJ result files; returns their paths.
 */
export function keepCountLines(foldDir: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return readdirSync(foldDir)
    .filter((f) => /^fold_count_lines_\d+\.parquet$/.test(f))
    .sort()
    .map((f) => {
      renameSync(join(foldDir, f), join(dir, f))
      return join(dir, f)
    })
}
