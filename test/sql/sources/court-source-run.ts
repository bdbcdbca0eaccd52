/**
 * Builds the two court source models as `relief reconcile` does (its read_csv and record-line SELECT over real
 * files, in an in-memory DuckDB), for the source model tests.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../../pipelines/lib/duckdb.ts'
import { compileModel } from '../../../sql/model.ts'
import { rawCourtIndexRows } from '../../../sql/sources/raw_court_index_rows.ts'
import { courtRecordLines } from '../../../sql/sources/court_record_lines.ts'
import { courtLinesSql, courtRawSql } from '../../../pipelines/reconcile/court-source.ts'
import { ensureRejectTables } from '../../../pipelines/reconcile/reconcile-run.ts'
import { ledgerOf } from '../../../pipelines/ingest/file-ledger.ts'
import { withInsertionOrder } from '../../../pipelines/export/insertion-order.ts'
import { fixtureContext } from '../../helpers/model-fixture.ts'
import { COURT_INDEX_COLUMN_NAMES } from '../../../data-contracts/court-index.contract.ts'

/** Writes each file's data lines under the contract header and builds both source models over them. */
export async function buildCourtSources(files: string[][]): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'relief-court-src-'))
  const shapes = files.map((lines, i) => {
    const path = join(dir, `court${i + 1}.csv`)
    writeFileSync(path, [COURT_INDEX_COLUMN_NAMES.join(','), ...lines].join('\n') + '\n')
    return { path, hasHeader: true, bytes: statSync(path).size }
  })
  const ledgers = new Map(
    await Promise.all(shapes.map(async (f) => [f.path, await ledgerOf(f.path)] as const)),
  )
  const ctx = fixtureContext()
  const db = await openDb(':memory:')
  await withInsertionOrder(db, () => db.run(compileModel(rawCourtIndexRows(courtRawSql(shapes)), ctx)))
  await ensureRejectTables(db)
  await db.run(compileModel(courtRecordLines(courtLinesSql(shapes, ledgers)), ctx))
  return db
}

/** A data line with the contract's columns: case number, county, charge; the rest blank. */
export const line = (caseNo: string, county = 'ORANGE', charge = '11359 HS'): string =>
  COURT_INDEX_COLUMN_NAMES.map((n) =>
    n === 'court_case_number' ? caseNo : n === 'county' ? county : n === 'charge_section' ? charge : '',
  ).join(',')
