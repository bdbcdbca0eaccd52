/** DuckDB's count(*) over read_csv of a file: the benchmark's floor (measure-size.ts, floor-scan.ts). */
import { openDb } from '../lib/duckdb.ts'
import { duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'

export interface FloorRead {
  seconds: number
  cpu: number
  rows: number
}

/**
 * The plain form of the floor: `read_csv` of the file with nothing but its name, DuckDB sniffing the layout and the
 * types itself, as someone timing the floor by hand writes it. It reads 10–15% slower here than the contract's form
 * (the 95 columns named, nothing sniffed), which the bench keeps as its floor so as not to flatter the run; the ratios
 * against this one are reported beside.
 */
export const PLAIN_FLOOR = 'plain'

/**
 * One count(*) over read_csv of the file; `options` adds reader options to DuckDB's own defaults, or is PLAIN_FLOOR
 * for the plain form.
 */
async function floorRead(file: string, threads: number, options: string): Promise<FloorRead> {
  const db = await openDb(':memory:', { threads })
  try {
    const source =
      options === PLAIN_FLOOR
        ? `read_csv(${lit(file)})`
        : `read_csv(${lit(file)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${duckdbReadColumns()}, ignore_errors=true${options})`
    const t = performance.now()
    const c = process.cpuUsage()
    const rows = await db.scalar<bigint>(`select count(*) from ${source}`)
    const used = process.cpuUsage(c)
    return {
      seconds: (performance.now() - t) / 1000,
      cpu: (used.user + used.system) / 1e6,
      rows: Number(rows),
    }
  } finally {
    db.close()
  }
}

/**
 * Three reads, sorted by time: the median is the floor (the machine is shared and noisy; one slow read would flatter
 * the run).
 */
export async function threeFloors(file: string, threads: number, options = ''): Promise<FloorRead[]> {
  const reads = []
  for (let i = 0; i < 3; i++) reads.push(await floorRead(file, threads, options))
  return reads.sort((a, b) => a.seconds - b.seconds)
}
