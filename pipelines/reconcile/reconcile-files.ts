/**
 * restricted/reconcile/: court_only.csv, doj_only.csv, mismatches.csv and the court index's rejected lines (and,
 * with every output, the court-only convictions' supplemental motions in motions/, written by the court step).
 * Names, DOBs and case numbers: owner-only files in an owner-only folder, emptied first so no file of an earlier
 * reconciliation lingers. Fixed row order, so the same inputs give the same bytes.
 */
import { join } from 'node:path'
import type { Db } from '../lib/duckdb.ts'
import { outPaths } from '../lib/paths.ts'
import { copyCsv } from '../run/write-outputs.ts'
import {
  freshRestrictedDir,
  narrow,
  prepareRestrictedFile,
  restrictedDir,
  runRelative,
} from '../export/restricted-files.ts'
import { COURT_REJECTS } from './court-source.ts'

export const RECONCILE_FILES = {
  'court_only.csv': `select * exclude (file_index, record) from court_only_determinations
    order by county, court_case_number, file_index, record`,
  'doj_only.csv': `select * from doj_only_counts order by county, case_number, subject_id, cnt_order`,
  'mismatches.csv': `select * from court_doj_mismatches order by county, doj_case_number, subject_id, cnt_order`,
  'court_index_rejects.csv': `select file, line, reason, raw_text from ${COURT_REJECTS} order by file, line nulls last, reason`,
} as const

/** Where the supplemental motions of the court-only convictions go, under restricted/. */
export const COURT_ONLY_MOTIONS = ['reconcile', 'motions'] as const

export async function writeReconcileFiles(db: Db, out: string): Promise<string[]> {
  const restricted = outPaths(out).restricted
  restrictedDir(restricted)
  const dir = freshRestrictedDir(restricted, 'reconcile')
  const written: string[] = []
  for (const [name, select] of Object.entries(RECONCILE_FILES)) {
    const path = join(dir, name)
    prepareRestrictedFile(path)
    await copyCsv(db, select, path)
    narrow(path)
    written.push(runRelative(out, path))
  }
  return written
}
