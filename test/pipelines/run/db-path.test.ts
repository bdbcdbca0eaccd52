import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { checkDbPath } from '../../../pipelines/run/db-path.ts'
import { checkMemoryLimit, checkThreads } from '../../../pipelines/run/resource-options.ts'

const dir = () => mkdtempSync(join(tmpdir(), 'relief-db-'))

async function duckdbFile(path: string, table: string): Promise<void> {
  const inst = await DuckDBInstance.create(path)
  const con = await inst.connect()
  await con.run(`create table ${table} as select 1 as x`)
  con.closeSync()
  inst.closeSync()
}

describe('--db', () => {
  it('accepts a new path in an existing folder, and an earlier relief database', async () => {
    const d = dir()
    await expect(checkDbPath(join(d, 'new.duckdb'))).resolves.toBeUndefined()
    await duckdbFile(join(d, 'old.duckdb'), 'run_params')
    await expect(checkDbPath(join(d, 'old.duckdb'))).resolves.toBeUndefined()
  })

  it('refuses an extract, another DuckDB database, a folder, or a missing folder, and deletes nothing', async () => {
    const d = dir()
    writeFileSync(join(d, 'extract.csv'), 'SUBJECT_ID,…\n1,…\n')
    await expect(checkDbPath(join(d, 'extract.csv'))).rejects.toThrow(/not a relief database.*refusing/)
    expect(readFileSync(join(d, 'extract.csv'), 'utf8')).toContain('SUBJECT_ID')
    await duckdbFile(join(d, 'other.duckdb'), 'customers')
    await expect(checkDbPath(join(d, 'other.duckdb'))).rejects.toThrow(/not a relief database/)
    await expect(checkDbPath(d)).rejects.toThrow(/is not a file/)
    await expect(checkDbPath(join(d, 'missing', 'x.duckdb'))).rejects.toThrow(
      /the folder .*missing does not exist/,
    )
  })
})

describe('resource options', () => {
  it('accepts DuckDB sizes and refuses anything else in one line', () => {
    for (const ok of ['2GB', '800MB', '1.5 GiB', '50%']) expect(checkMemoryLimit(ok)).toBe(ok)
    for (const bad of ['2G', 'lots', '-1GB', ''])
      expect(() => checkMemoryLimit(bad)).toThrow(/--memory-limit .*expected a size/)
    expect(checkThreads(2)).toBe(2)
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => checkThreads(bad)).toThrow(/--threads/)
  })
})
