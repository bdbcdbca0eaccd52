/**
 * `--db` names where the run's database goes. It must never destroy something else: a path that already
 * holds a file is reused only when that file is a relief database from an earlier run (a DuckDB file with
 * the run_params table), so pointing --db at an extract, a report or another program's database is refused
 * before anything is deleted.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { UserError } from '../lib/user-error.ts'

/** DuckDB writes "DUCK" at byte 8 of every database file. */
function looksLikeDuckDb(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(12)
    return readSync(fd, buf, 0, 12, 0) === 12 && buf.subarray(8, 12).toString('latin1') === 'DUCK'
  } finally {
    closeSync(fd)
  }
}

async function isReliefDatabase(path: string): Promise<boolean> {
  let db: Db | undefined
  try {
    db = await openDb(path, { readOnly: true })
    return Number(await db.scalar(`select count(*) from duckdb_tables() where table_name = 'run_params'`)) > 0
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/** Refuses a --db path that cannot be written or that holds something other than an earlier relief run. */
export async function checkDbPath(path: string, arg: string = path): Promise<void> {
  const dir = dirname(path)
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UserError(`--db ${arg}: the folder ${dir} does not exist`)
  if (!existsSync(path)) return
  if (!statSync(path).isFile()) throw new UserError(`--db ${arg}: is not a file`)
  if (!looksLikeDuckDb(path) || !(await isReliefDatabase(path)))
    throw new UserError(
      `--db ${arg}: already exists and is not a relief database from an earlier run; refusing to overwrite it`,
    )
}
