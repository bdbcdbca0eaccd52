/**
 * The only importer of @duckdb/node-api: opens an instance with the run's resource limits and
 * gives a small typed surface (run, rows) so the rest of the code never touches the driver.
 *
 * The driver is loaded when the first instance is opened, not when this module is: DuckDB's allocator reads its
 * options as the library loads, and a run first decides whether it keeps freed memory (keepFreedMemory).
 */
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { lit } from '../../sql/helpers/quote.ts'

type Driver = typeof import('@duckdb/node-api')
let driverLoad: Promise<Driver> | undefined
let driver: Driver | undefined
const loadDriver = async (): Promise<Driver> => (driver ??= await (driverLoad ??= import('@duckdb/node-api')))

/** Whether DuckDB's library is in this process already (loaded here, or by another module, as a test may). */
function libraryLoaded(): boolean {
  if (driverLoad) return true
  try {
    return readFileSync('/proc/self/maps', 'utf8').includes('libduckdb')
  } catch {
    return false // no /proc: only this module's own loading is known
  }
}

/** DuckDB's allocator (the jemalloc built into the library) reads its options from this variable as it loads. */
const ALLOCATOR_CONF = 'DUCKDB_JE_MALLOC_CONF'
/** Freed pages never given back on a timer: neither the ones still dirty nor the ones already advised away. */
export const KEEP_FREED_MEMORY = 'dirty_decay_ms:-1,muzzy_decay_ms:-1'

/**
 * The allocator's arenas when it keeps freed memory: one per four of the run's threads. Memory one arena keeps is
 * reused only by the threads of that arena, and DuckDB's build gives it one arena per core (two here): with one
 * arena for two threads, a run took 5–20% fewer fresh 2 MB pages (737–865 against 899–944 at 1M lines, 1,374–1,393
 * against 1,451–1,518 at 2M) and peaked lower at 2M (2,197–2,246 MB against 2,340–2,419), in the same time.
 * More threads share one only up to four: each of DuckDB's 256 KB blocks takes the arena's lock.
 */
export const keptArenas = (threads: number): number => Math.max(1, Math.ceil(threads / 4))

/**
 * Tells DuckDB's allocator to keep the memory its queries free, for the next queries to reuse, where it would give
 * it back to the system a second after it was freed. Memory given back and taken again is faulted in again, and the
 * kernel clears every page it gives: on the machines measured here a fresh 2 MB page cost 1.4–3.3 ms, and a 5M-line
 * run took 8 GB of fresh pages for a peak of 3.3 GB (docs/scale.md, "Session 29"). What it keeps is given back where
 * the run's work changes (release-memory.ts).
 *
 * Only before DuckDB's library is loaded (the allocator reads its options once), and never over a value the user set
 * (a user's value is the user's, even the same). Returns whether this process keeps freed memory by this call or
 * an earlier one.
 */
let kept = false
export function keepFreedMemory(threads: number = availableParallelism()): boolean {
  if (!kept && process.env[ALLOCATOR_CONF] === undefined && !libraryLoaded()) {
    process.env[ALLOCATOR_CONF] = `${KEEP_FREED_MEMORY},narenas:${keptArenas(threads)}`
    kept = true
  }
  return kept
}

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
  const instance = await (await loadDriver()).DuckDBInstance.create(path, config)
  if (opts.memoryLimit) memoryLimits.set(instance, opts.memoryLimit)
  return dbOn(await instance.connect(), instance)
}

/** The connections open in this process, with their instance, for interruptQueries. */
const openConnections = new Map<DuckDBConnection, object>()

/**
 * Stops every query running on the connections of `db`'s instance (they fail with an interruption). A process
 * that exits while a query runs waits for it: DuckDB's threads are joined as the library unloads, so an interrupted
 * run whose query still had a minute to go went on for that minute before it exited.
 */
export function interruptQueries(db: Db): void {
  for (const [con, instance] of openConnections) if (instance === db.instance) con.interrupt()
}

/** The Db surface over one connection; closing the one that opened the instance closes the instance too. */
function dbOn(con: DuckDBConnection, instance: DuckDBInstance, owner = true): Db {
  openConnections.set(con, instance)
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
      if (!(v instanceof driver!.DuckDBBlobValue)) throw new Error(`not a BLOB: ${sql.slice(0, 80)}`)
      return v.bytes
    },
    async connect() {
      return dbOn(await instance.connect(), instance, false)
    },
    close() {
      openConnections.delete(con)
      con.closeSync()
      if (owner) instance.closeSync()
    },
  }
}
