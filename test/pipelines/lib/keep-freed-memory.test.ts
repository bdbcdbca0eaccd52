import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { KEEP_FREED_MEMORY, keptArenas } from '../../../pipelines/lib/duckdb.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Runs `code` (an ES module that may import pipelines/lib/duckdb.ts) in a fresh process, where DuckDB's library is
 * not loaded yet, with the environment given (undefined removes a variable). DuckDB's jemalloc prints the options
 * it took when the process ends (stats_print): what reached it, not only what was set.
 */
function inFreshProcess(code: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DUCKDB_JE_MALLOC_CONF: undefined, ...env },
  })
  expect(r.status, r.stderr).toBe(0)
  return { out: r.stdout.trim(), err: r.stderr }
}

/** keepFreedMemory(), then an instance opened and a table built, with the allocator's options printed at exit. */
const keepThenOpen = (threads = 2) => `
import { keepFreedMemory, openDb } from './pipelines/lib/duckdb.ts'
const kept = keepFreedMemory(${threads})
const conf = process.env.DUCKDB_JE_MALLOC_CONF
if (conf !== undefined) process.env.DUCKDB_JE_MALLOC_CONF = conf + ',stats_print:true'
else process.env.DUCKDB_JE_MALLOC_CONF = 'stats_print:true'
const db = await openDb(':memory:', { threads: ${threads} })
await db.run('create table t as select range::varchar as s from range(100000)')
db.close()
console.log(JSON.stringify({ kept, conf: conf ?? null, again: keepFreedMemory() }))
`

describe('keepFreedMemory (pipelines/lib/duckdb.ts)', () => {
  it('tells DuckDB’s allocator, before it loads, never to give freed pages back on a timer, in one arena for two threads', () => {
    const { out, err } = inFreshProcess(keepThenOpen(2))
    expect(JSON.parse(out)).toEqual({ kept: true, conf: `${KEEP_FREED_MEMORY},narenas:1`, again: true })
    expect(err).toMatch(/opt\.dirty_decay_ms: -1\b/)
    expect(err).toMatch(/opt\.muzzy_decay_ms: -1\b/)
    expect(err).toMatch(/opt\.narenas: 1\b/)
  })

  it('gives the allocator one arena per four threads', () => {
    expect([1, 2, 4, 5, 8, 9, 16].map(keptArenas)).toEqual([1, 1, 1, 2, 2, 3, 4])
    const { err } = inFreshProcess(keepThenOpen(8))
    expect(err).toMatch(/opt\.narenas: 2\b/)
  })

  it('leaves a value the user set, and DuckDB then has the user’s options', () => {
    const { out, err } = inFreshProcess(keepThenOpen(), { DUCKDB_JE_MALLOC_CONF: 'dirty_decay_ms:2000' })
    expect(JSON.parse(out)).toEqual({ kept: false, conf: 'dirty_decay_ms:2000', again: false })
    expect(err).toMatch(/opt\.dirty_decay_ms: 2000\b/)
  })

  it('sets nothing once DuckDB’s library is loaded: its allocator has read its options', () => {
    const { out } = inFreshProcess(`
import '@duckdb/node-api'
import { keepFreedMemory } from './pipelines/lib/duckdb.ts'
console.log(JSON.stringify({ kept: keepFreedMemory(), conf: process.env.DUCKDB_JE_MALLOC_CONF ?? null }))
`)
    expect(JSON.parse(out)).toEqual({ kept: false, conf: null })
  })

  it('without it, DuckDB gives freed pages back after its own second', () => {
    const { err } = inFreshProcess(`
process.env.DUCKDB_JE_MALLOC_CONF = 'stats_print:true'
const { openDb } = await import('./pipelines/lib/duckdb.ts')
const db = await openDb(':memory:')
db.close()
`)
    expect(err).toMatch(/opt\.dirty_decay_ms: 1000\b/)
  })
})
