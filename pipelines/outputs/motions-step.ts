/**
 * Output step `motions`: for every court with in-scope convictions, restricted/motions/<county>/<court>.csv
 * and .pdf (the bulk motion with its schedules), plus restricted/motions/index.csv listing them with their
 * page counts and totals. The folder is emptied first so a court from an earlier run cannot linger.
 */
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import { outPaths } from '../lib/paths.ts'
import {
  freshRestrictedDir,
  restrictedDir,
  runRelative,
  writeRestrictedFile,
} from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { MOTION_INDEX_COLUMNS } from '../../data-contracts/outputs/motion-cases.contract.ts'
import { qb } from '../../sql/kysely.ts'
import { selectRows } from '../lib/select-rows.ts'
import { motionCsv } from '../../reports/motions/motion-csv.ts'
import { spreadsheetSafe } from '../../data-contracts/outputs/spreadsheet-safety.ts'
import { scheduleTotals } from '../../reports/motions/motion-pdf.ts'
import { motionRenderPool } from './motion-render-pool.ts'
import { schedulesOf, sectionsFor } from '../../reports/motions/relief-sections.ts'

export const NO_COUNTY = '(county not recorded)'
export const NO_COURT = '(court not recorded)'

/** Rows arrive sorted by county then court: split them without re-sorting. */
function groupBy<T>(rows: readonly T[], key: (r: T) => string | null): { key: string | null; rows: T[] }[] {
  const groups: { key: string | null; rows: T[] }[] = []
  for (const r of rows) {
    const k = key(r)
    const last = groups.at(-1)
    if (last && last.key === k) last.rows.push(r)
    else groups.push({ key: k, rows: [r] })
  }
  return groups
}

export const motionsStep: OutputStep = {
  name: 'motions',
  async write(ctx: OutputContext): Promise<string[]> {
    // Courts render on worker threads (unref'd: they never hold the process); the pool starts before the
    // query so the threads boot while it runs, and closes once every PDF is written or one fails.
    const pool = motionRenderPool(ctx.manifest.counts.in_scope_counts)
    const rows = await selectRows(
      ctx.db,
      qb.selectFrom('mart_motion_cases').selectAll().orderBy('motion_order'),
    ).catch(async (e: unknown) => {
      await pool.close()
      throw e
    })
    const restricted = outPaths(ctx.out).restricted
    restrictedDir(restricted)
    const root = freshRestrictedDir(restricted, 'motions')
    // A remedy the schedule list does not know (from a policy layer) gets its own schedule after F.
    const sections = sectionsFor(rows)
    const written: string[] = []
    // Index rows in court order; each resolves once its PDF is written.
    const index: Promise<string[]>[] = []

    const counties = groupBy(rows, (r) => r.county)
    const countySlugs = uniqueSlugs(
      counties.map((c) => c.key),
      'unknown-county',
    )
    for (const [ci, county] of counties.entries()) {
      const dir = restrictedDir(restricted, 'motions', countySlugs[ci]!)
      const courts = groupBy(county.rows, (r) => r.court)
      const courtSlugs = uniqueSlugs(
        courts.map((c) => c.key),
        'unknown-court',
      )
      for (const [ki, court] of courts.entries()) {
        const schedules = schedulesOf(court.rows, sections)
        const base = join(dir, courtSlugs[ki]!)
        writeRestrictedFile(`${base}.csv`, motionCsv(schedules))
        const rendered = pool.render({
          county: county.key ?? NO_COUNTY,
          court: court.key ?? NO_COURT,
          runId: ctx.runId,
          asOf: ctx.asOf,
          policy: ctx.manifest.options.policy,
          toolVersion: ctx.manifest.tool.version,
          schedules,
        })
        const totals = scheduleTotals(schedules)
        const csvPath = runRelative(ctx.out, `${base}.csv`)
        const pdfPath = runRelative(ctx.out, `${base}.pdf`)
        written.push(csvPath, pdfPath)
        const people = String(new Set(court.rows.map((r) => r.subject_id)).size)
        index.push(
          rendered.then((pdf) => {
            writeRestrictedFile(`${base}.pdf`, pdf.bytes)
            return [
              county.key ?? NO_COUNTY,
              court.key ?? NO_COURT,
              csvPath,
              pdfPath,
              String(pdf.pages),
              totals.map((t) => `${t.section.schedule}=${t.cases}`).join(' '),
              totals.map((t) => `${t.section.schedule}=${t.convictions}`).join(' '),
              people,
            ]
          }),
        )
      }
    }
    const indexRows = await Promise.all(index).finally(() => pool.close())
    const indexPath = join(root, 'index.csv')
    const quote = (cell: string) => {
      const s = spreadsheetSafe(cell) // court names come from the extract (OWASP CSV injection)
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
    }
    writeRestrictedFile(
      indexPath,
      [[...MOTION_INDEX_COLUMNS], ...indexRows].map((r) => r.map(quote).join(',')).join('\n') + '\n',
    )
    written.push(runRelative(ctx.out, indexPath))
    return written
  },
}
