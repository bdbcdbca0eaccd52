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
