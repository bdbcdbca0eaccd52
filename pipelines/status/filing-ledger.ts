/**
 * The filing ledger: every imported court ruling, kept in restricted/ledger/filing_ledger.csv beside the run (a run
 * rebuilds its database from the files, so the ledger cannot live only there) and loaded into the run's database
 * as filing_ledger. Keyed by (county, normalised case number, CNT_ORDER): a rerun with a new extract keeps it.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Db } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { outPaths } from '../lib/paths.ts'
import { narrow, prepareRestrictedFile, restrictedDir } from '../export/restricted-files.ts'
import { copyMachineCsv } from '../run/write-outputs.ts'

export const ledgerPath = (out: string): string =>
  join(outPaths(out).restricted, 'ledger', 'filing_ledger.csv')

const COLUMNS = `county varchar, case_number varchar, case_key varchar, cnt_order varchar, ruling varchar,
  ruling_date date, order_text varchar, doj_updated_date date, source_file varchar, line bigint`

/** Creates filing_ledger in the database from the ledger file (empty when none was imported yet). */
export async function loadLedger(db: Db, out: string): Promise<number> {
  const path = ledgerPath(out)
  await db.run(`create or replace table filing_ledger (${COLUMNS})`)
  if (existsSync(path))
    await db.run(
      `insert into filing_ledger select * from read_csv(${lit(path)}, header=true, auto_detect=false, columns={${COLUMNS.split(
        ',',
      )
        .map((c) => c.trim().split(/\s+/))
        .map(([n, t]) => `'${n}': '${t!.toUpperCase()}'`)
        .join(', ')}})`,
    )
  return Number(await db.scalar(`select count(*) from filing_ledger`))
}

/** Writes filing_ledger back, owner-only, in a fixed order. */
export async function saveLedger(db: Db, out: string): Promise<string> {
  restrictedDir(outPaths(out).restricted, 'ledger')
  const path = ledgerPath(out)
  prepareRestrictedFile(path)
  // Read back by the next import: values exactly as stored, no spreadsheet prefix.
  await copyMachineCsv(
    db,
    `select * from filing_ledger order by county, case_key, cnt_order, ruling_date, ruling, order_text, source_file, line`,
    path,
  )
  narrow(path)
  return path
}
