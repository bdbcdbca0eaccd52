/**
 * The only importer of @duckdb/node-api: opens an instance with the run's resource limits and
 * gives a small typed surface (run, rows) so the rest of the code never touches the driver.
 */
import { DuckDBBlobValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { lit } from '../../sql/helpers/quote.ts'

export interface DbOptions {
  threads?: number
  /** e.g. '3GB': DuckDB spills to temp_directory beyond this instead of failing. */
  memoryLimit?: string
  tempDirectory?: string
  /** Open without the right to change anything (checking what an existing file is). */
  readOnly?: boolean
  /** The storage format of a file this instance creates (DuckDB's storage_compatibility_version). */
  storageVersion?: string
}

export interface Db {
  readonly con: DuckDBConnection
  /** The database instance behind the connection: a GLOBAL setting set through one connection holds for all of its connections. */
  readonly instance: object
  run(sql: string): Promise<void>
  /** Rows as JSON-safe objects (BIGINT as string, DATE as 'YYYY-MM-DD'): cast in SQL when numbers are wanted. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>
  /** First column of the first row. */
  scalar<T = unknown>(sql: string): Promise<T>
  /** First column of the first row, a BLOB, as its bytes (no text decoding: large texts cast to BLOB cross cheaply). */
  bytes(sql: string): Promise<Uint8Array>
  /**
   * Another connection to the same database: its queries run beside this one's (on the same threads and memory
   * limit) and it has its own temp tables. Its close() closes only the connection.
   */
  connect(): Promise<Db>
  close(): void
}

/** The memory limit each open instance was given (at open, or since by setMemoryLimit): DuckDB shows it rounded. */
const memoryLimits = new WeakMap<object, string>()

/** Sets the instance's memory limit (a GLOBAL setting: every connection of the instance) and remembers it. */
export async function setMemoryLimit(db: Db, limit: string): Promise<void> {
  await db.run(`set memory_limit = ${lit(limit)}`)
  memoryLimits.set(db.instance, limit)
}

/** The memory limit this instance was given, exactly as given; undefined for DuckDB's own default. */
export const memoryLimitOf = (db: Db): string | undefined => memoryLimits.get(db.instance)

export async function openDb(path: string, opts: DbOptions = {}): Promise<Db> {
  const config: Record<string, string> = { preserve_insertion_order: 'false' }
  if (opts.threads) config.threads = String(opts.threads)
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit
  if (opts.tempDirectory) config.temp_directory = opts.tempDirectory
  if (opts.readOnly) config.access_mode = 'READ_ONLY'
  if (opts.storageVersion) config.storage_compatibility_version = opts.storageVersion
  const instance = await DuckDBInstance.create(path, config)
  if (opts.memoryLimit) memoryLimits.set(instance, opts.memoryLimit)
  return dbOn(await instance.connect(), instance)
}

/** The Db surface over one connection; closing the one that opened the instance closes the instance too. */
function dbOn(con: DuckDBConnection, instance: DuckDBInstance, owner = true): Db {
  return {
    con,
    instance,
    async run(sql) {
      await con.run(sql)
    },
    async rows<T>(sql: string) {
      const r = await con.runAndReadAll(sql)
      return r.getRowObjectsJson() as T[]
    },
    async scalar<T>(sql: string) {
      const r = await con.runAndReadAll(sql)
      const rows = r.getRows()
      return (rows.length ? rows[0]![0] : undefined) as T
    },
    async bytes(sql: string) {
      const r = await con.runAndReadAll(sql)
      const v = r.getRows()[0]?.[0]
      if (!(v instanceof DuckDBBlobValue)) throw new Error(`not a BLOB: ${sql.slice(0, 80)}`)
      return v.bytes
    },
    async connect() {
      return dbOn(await instance.connect(), instance, false)
    },
    close() {
      con.closeSync()
      if (owner) instance.closeSync()
    },
  }
}
