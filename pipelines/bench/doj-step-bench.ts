/**
 * Times the `doj` output step alone against the floor, on a copy of a finished run's database:
 *   node --import tsx pipelines/bench/doj-step-bench.ts <relief.duckdb> <manifest.json> <scratch dir> [counts|all] [lines|parse]
 * The database is copied into the scratch folder first (the step writes temp tables), and its mart views are
 * recreated from the current models (as `relief export` does), untimed, so the bench times the code as it is. Prints each SQL
 * statement's seconds, the step's total and its ratio to the floor (count(*) over read_csv of the first input,
 * timed in the same process, as measure-size.ts does).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { dojResultsStepFor } from '../outputs/doj-results-step.ts'
import { ensureMarts } from '../outputs/ensure-marts.ts'
import type { DojRows } from '../outputs/doj-results-sql.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'

const [dbFile, manifestFile, scratch, rowsArg, pathArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string?,
  string?,
]
const rows = (rowsArg ?? 'counts') as DojRows
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
const threads = 2

rmSync(scratch, { recursive: true, force: true })
mkdirSync(join(scratch, 'tmp'), { recursive: true })
const copy = join(scratch, 'run.duckdb')
copyFileSync(dbFile, copy)

const secs = (t: number) => (performance.now() - t) / 1000

async function floorSeconds(): Promise<number> {
  const db = await openDb(':memory:', { threads })
  try {
    const t = performance.now()
    const c = process.cpuUsage()
    await db.scalar(
      `select count(*) from read_csv(${lit(manifest.inputs[0]!.file)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${duckdbReadColumns()}, ignore_errors=true)`,
    )
    const u = process.cpuUsage(c)
    console.log(`floor ${secs(t).toFixed(2)} s ${((u.user + u.system) / 1e6).toFixed(2)} cpu`)
    return secs(t)
  } finally {
    db.close()
  }
}

/** The database with every statement timed. */
function timed(db: Db, log: { sql: string; seconds: number; cpu: number }[]): Db {
  const wrap =
    <A extends unknown[], R>(f: (sql: string, ...a: A) => Promise<R>) =>
    async (sql: string, ...a: A): Promise<R> => {
      const t = performance.now()
      const c = process.cpuUsage()
      try {
        return await f(sql, ...a)
      } finally {
        const u = process.cpuUsage(c)
        log.push({
          sql: sql.replace(/\s+/g, ' ').slice(0, 80),
          seconds: secs(t),
          cpu: (u.user + u.system) / 1e6,
        })
      }
    }
  return { ...db, run: wrap(db.run), rows: wrap(db.rows), scalar: wrap(db.scalar) } as Db
}

const floor = await floorSeconds()
const db = await openDb(copy, {
  threads,
  memoryLimit: '1500MB',
  tempDirectory: join(scratch, 'tmp'),
})
await ensureMarts(db, copy, manifest)
const log: { sql: string; seconds: number; cpu: number }[] = []
const t = performance.now()
const cpu0 = process.cpuUsage()
const written = await dojResultsStepFor(rows, { linePath: pathArg !== 'parse' }).write({
  db: timed(db, log),
  out: join(scratch, 'out'),
  runId: manifest.run_id,
  asOf: manifest.as_of,
  manifest,
})
const total = secs(t)
const cpu1 = process.cpuUsage(cpu0)
console.log(`step cpu ${((cpu1.user + cpu1.system) / 1e6).toFixed(2)} s`)
db.close()
const floorAfter = await floorSeconds()
for (const l of log)
  if (l.seconds >= 0.01)
    console.log(`${l.seconds.toFixed(2).padStart(7)} s ${l.cpu.toFixed(2).padStart(6)} cpu  ${l.sql}`)
const sql = log.reduce((s, l) => s + l.seconds, 0)
console.log(`files ${written.length}; SQL ${sql.toFixed(2)} s; other ${(total - sql).toFixed(2)} s`)
console.log(
  `step ${total.toFixed(2)} s; floor ${floor.toFixed(2)} s before, ${floorAfter.toFixed(2)} s after; ratio ${(total / ((floor + floorAfter) / 2)).toFixed(2)}x`,
)
