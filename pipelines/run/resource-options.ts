/**
 * --threads and --memory-limit are checked before anything is written or deleted, so a typo costs nothing
 * (DuckDB would otherwise fail only when the database is opened, after the folder was prepared).
 */
import { UserError } from '../lib/user-error.ts'

/**
 * DuckDB's memory limit unless --memory-limit says otherwise. Beyond it DuckDB spills to the run's temp folder
 * rather than growing: with Node's own heap and the PDF workers a statewide run then stays near 2.5 GB
 * (docs/scale.md says what sets the peak).
 */
export const DEFAULT_MEMORY_LIMIT = '1.5GB'

/** --memory-limit's help line: the default as defaultMemoryLimit sets it. */
export const MEMORY_LIMIT_HELP = `DuckDB memory limit before spilling to disk (default ${DEFAULT_MEMORY_LIMIT}; for an input past 0.75 GB, 2.5 times its size, up to 4GB; past 2 GB, 3GB)`

/** Inputs past this many bytes (about 7M DOJ lines) get the larger default and keep their line table on disk. */
const LARGE_INPUT_BYTES = 2e9

/** Inputs up to this many bytes (about 2.5M DOJ lines, the 2M acceptance size among them) keep the default limit. */
const SMALL_INPUT_BYTES = 0.75e9

/** A statewide-size input (ModelContext.largeInput). */
const isLargeInput = (inputBytes: number): boolean => inputBytes > LARGE_INPUT_BYTES
const LARGE_INPUT_MEMORY_LIMIT = '3GB'

/**
 * The memory limit a run uses when --memory-limit is not given: 1.5 GB up to an input of 0.75 GB (about 2.5M DOJ
 * lines), then two and a half times the input's size, up to 4 GB; and 3 GB for an input of more than 2 GB (a
 * statewide extract, where DuckDB's aggregates over 20M lines cannot finish in 1.5 GB even with spilling, and which
 * is built in the database file). The models of a run hold about 1.1 times the input in memory (at 5M lines, 1.5 GB
 * of input: 0.6 GB of convictions, 0.5 of determinations, 0.4 of Prop 64 counts), and its output steps about as much
 * again: with 1.5 GB a 5M-line run spilled 2.4 GB to disk and back, and took 43.6–45.1 s and 76–78 CPU-s against
 * 39.4 s and 67 with 3 GB (docs/scale.md, "Session 25"). With 3 GB it still spilled 320–470 MB once the output steps
 * ran side by side, and took 34.9–37.0 s against 33.0–33.6 s with 4 GB in alternating pairs, then 40.5 and 41.8 s
 * against 40.3 and 41.2 s with 3.8 GB (no spill) in two more, an hour later: a little faster, 0.1–0.4 GB higher
 * ("Session 30").
 */
function defaultMemoryLimit(inputBytes: number): string {
  if (isLargeInput(inputBytes)) return LARGE_INPUT_MEMORY_LIMIT
  if (inputBytes <= SMALL_INPUT_BYTES) return DEFAULT_MEMORY_LIMIT
  const mb = Math.min(4000, Math.ceil((2.5 * inputBytes) / 1e6 / 100) * 100)
  return mb % 1000 === 0 ? `${mb / 1000}GB` : `${mb}MB`
}

/**
 * The memory limit of a statewide-size run's writing (the determination files and the output steps), unless
 * --memory-limit is given. Those are sorts and COPYs, which spill well: at 20M lines, with the models' 3 GB, the
 * determination files' sort took the process to 3.5 GB alone and the whole run to 4.2–4.5 GB with Node's heap
 * (the bar is 4 GB); with 2 GB the files took it to 2.5 GB, in 31 s against 23 s.
 */
const LARGE_INPUT_OUTPUT_MEMORY_LIMIT = '2GB'

/**
 * What the input files' total size decides for a run: its memory limit (unless given), the limit of its writing
 * (outputMemoryLimit: lower for a statewide-size input once the models are built), and ModelContext.largeInput.
 */
export function sizedForInput(
  files: readonly { bytes: number }[],
  memoryLimit: string | undefined,
): { memoryLimit: string; outputMemoryLimit: string; largeInput: boolean } {
  const bytes = files.reduce((n, f) => n + f.bytes, 0)
  const limit = memoryLimit ?? defaultMemoryLimit(bytes)
  const largeInput = isLargeInput(bytes)
  return {
    memoryLimit: limit,
    outputMemoryLimit: largeInput && memoryLimit === undefined ? LARGE_INPUT_OUTPUT_MEMORY_LIMIT : limit,
    largeInput,
  }
}

/** DuckDB's size syntax: a number and a unit (1.5GB, 800MiB, 4 GB) or a percentage of memory (50%). */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)$/i

export function checkMemoryLimit(s: string | undefined): string | undefined {
  if (s === undefined) return undefined
  if (!SIZE.test(s.trim()))
    throw new UserError(`--memory-limit ${s}: expected a size such as 2GB, 800MB or 50%`)
  return s.trim()
}

export function checkThreads(n: number | undefined): number | undefined {
  if (n === undefined) return undefined
  if (!Number.isInteger(n) || n < 1 || n > 1024)
    throw new UserError(`--threads ${n}: expected a whole number from 1`)
  return n
}
