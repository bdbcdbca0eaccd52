/** Hand-made court index files for tests: name the fields a case is about; the rest default to blank. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { COURT_INDEX_COLUMN_NAMES, type CourtIndexRow } from '../../../data-contracts/court-index.contract.ts'

const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

export function writeCourtIndex(dir: string, rows: Partial<CourtIndexRow>[], name = 'court.csv'): string {
  const path = join(dir, name)
  const lines = [
    COURT_INDEX_COLUMN_NAMES.join(','),
    ...rows.map((r) => COURT_INDEX_COLUMN_NAMES.map((n) => field(r[n] ?? '')).join(',')),
  ]
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
