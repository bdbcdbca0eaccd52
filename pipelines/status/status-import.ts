/**
 * `relief status import --out DIR --rulings FILE`: reads court rulings (data-contracts/court-rulings.contract.ts)
 * with the same ingest discipline as the extract (explicit schema, rejects with line numbers, rows read = loaded +
 * rejected per file) and adds them to the filing ledger. Importing the same ruling twice adds it once.
 */
import { lockFolder } from '../run/run-folder.ts'
import { existsSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { narrow, prepareRestrictedFile } from '../export/restricted-files.ts'
import { copyCsv } from '../run/write-outputs.ts'
import {
  COURT_RULINGS_COLUMN_NAMES,
  duckdbRulingsReadColumns,
} from '../../data-contracts/court-rulings.contract.ts'
import { openDb } from '../lib/duckdb.ts'
import { outPaths, REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { ledgerOf } from '../ingest/file-ledger.ts'
import { reconcile } from '../ingest/reconcile.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import type { FileShape } from '../ingest/inspect-file.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { buildModels } from '../run/build-models.ts'
import { csvRecordsSql, recordLinesSql, type CsvTables } from '../reconcile/court-source.ts'
import { ensureRejectTables } from '../reconcile/reconcile-run.ts'
import { stgCourtRulings } from '../../sql/staging/stg_court_rulings.ts'
import { loadLedger, saveLedger } from './filing-ledger.ts'

const T: CsvTables = {
  raw: 'raw_court_rulings',
  errors: 'rulings_reject_errors',
  scans: 'rulings_reject_scans',
}

function inspectRulings(path: string): FileShape {
  const text = readFileSync(path, 'latin1')
  if (text.trim() === '') throw new UserError(`${path}: rulings file is empty`)
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  const [fields] = parse(first, { relax_quotes: true, relax_column_count: true }) as string[][]
  const names = (fields ?? []).map((f) => f.trim().toLowerCase())
  if (names.join(',') !== COURT_RULINGS_COLUMN_NAMES.join(','))
    throw new UserError(
      `${path}: not a court rulings file (header must be ${COURT_RULINGS_COLUMN_NAMES.join(',')}; see data-contracts/court-rulings.contract.ts)`,
    )
  return { path, hasHeader: true, bytes: text.length }
}

export interface ImportResult {
  inputs: FileReconciliation[]
  added: number
  ledgerRows: number
}

export async function importRulings(o: { out: string; rulings: string[] }): Promise<ImportResult> {
  const out = resolve(o.out)
  const db0 = outPaths(out).db
  if (!existsSync(db0))
    throw new UserError(`${o.out}: no run here (relief.duckdb missing); run \`relief run\` first`)
  const files = resolveInputs(o.rulings).map(inspectRulings)
  const ledgers = new Map(
    await Promise.all(files.map(async (f) => [f.path, await ledgerOf(f.path)] as const)),
  )
  // One writer at a time: a run swapping the folder, or another import, would lose this one's rulings.
  const unlock = lockFolder(out, 'status import')
  let db: Awaited<ReturnType<typeof openDb>>
  try {
    db = await openDb(db0)
  } catch (e) {
    unlock()
    throw e
  }
  try {
    for (const t of [T.raw, T.errors, T.scans]) await db.run(`drop table if exists ${t}`)
    await withInsertionOrder(db, () =>
      db.run(`create table ${T.raw} as ${csvRecordsSql(files, duckdbRulingsReadColumns(), T)}`),
    )
    await ensureRejectTables(db, T.errors, T.scans)
    const ctx = { rawSource: '', asOf: '', county: null, policyName: '', referenceDir: REFERENCE_DIR }
    await buildModels(db, ctx, [stgCourtRulings(recordLinesSql(files, ledgers, T))])
    const inputs = await reconcile(db, files, ledgers, {
      loaded: `(select source_file from stg_court_rulings where reject_reason is null)`,
      rejects: 'rulings_rejects',
      build: {
        errors: T.errors,
        scans: T.scans,
        refused: `select source_file, line, 'REFUSED: ' || reject_reason, null from stg_court_rulings where reject_reason is not null`,
      },
    })
    const before = await loadLedger(db, out)
    await db.run(`insert into filing_ledger
      select county, case_number, case_key, cnt_order, ruling, ruling_date, order_text, doj_updated_date, source_file, line
      from stg_court_rulings s
      where reject_reason is null and not exists (
        select 1 from filing_ledger f where f.county = s.county and f.case_key = s.case_key and f.cnt_order = s.cnt_order
          and f.ruling = s.ruling and f.ruling_date = s.ruling_date and f.order_text is not distinct from s.order_text
          and f.doj_updated_date is not distinct from s.doj_updated_date)`)
    const after = Number(await db.scalar(`select count(*) from filing_ledger`))
    await saveLedger(db, out)
    const rejectsPath = join(outPaths(out).restricted, 'ledger', 'rulings_rejects.csv')
    prepareRestrictedFile(rejectsPath)
    await copyCsv(
      db,
      `select file, line, reason, raw_text from rulings_rejects order by file, line nulls last`,
      rejectsPath,
    )
    narrow(rejectsPath)
    return { inputs, added: after - before, ledgerRows: after }
  } finally {
    db.close()
    unlock()
  }
}
