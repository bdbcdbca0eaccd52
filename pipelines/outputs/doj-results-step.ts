/**
 * Output step `doj`: restricted/doj/<county>_results.csv, one file per county with in-scope convictions,
 * in the DOJ research-file layout plus eligibility columns (see doj-results-sql.ts for which rows and which
 * value each row carries). The input files are read again, after checking they are the ones the run hashed.
 * All files are written by one partitioned COPY into an owner-only folder, then renamed.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import { outPaths } from '../lib/paths.ts'
import { checkRunInputs, readInputSql } from '../export/run-inputs.ts'
import { freshRestrictedDir, narrow, restrictedDir, runRelative } from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { spreadsheetSafe } from '../run/write-outputs.ts'
import {
  copyResultsSql,
  RESULTS_SELECT,
  COUNT_VALUES_SQL,
  DROP_SQL,
  FILE_COLUMN,
  filesTableSql,
  INPUT_TABLE,
  inputTableSql,
  rowsTableSql,
  SCOPE_SQL,
  SCOPE_TABLE,
  SUBJECT_VALUES_SQL,
  type DojRows,
} from './doj-results-sql.ts'

/** The step for one choice of rows; `dojResultsStep` is the default (in-scope count rows only). */
export function dojResultsStepFor(rows: DojRows): OutputStep {
  return {
    name: 'doj',
    async write(ctx: OutputContext): Promise<string[]> {
      const { db } = ctx
      await checkRunInputs(ctx.manifest)
      const restricted = outPaths(ctx.out).restricted
      restrictedDir(restricted)
      const dir = freshRestrictedDir(restricted, 'doj')
      // DuckDB creates the partition files with the process umask: inside an owner-only folder nobody else
      // can reach them before they are narrowed.
      const parts = restrictedDir(restricted, 'doj', '.partitions')
      const written: string[] = []
      try {
        await withInsertionOrder(db, async () => {
          await db.run(SCOPE_SQL)
          await db.run(COUNT_VALUES_SQL)
          await db.run(SUBJECT_VALUES_SQL)
          const counties = (
            await db.rows<{ county: string | null }>(
              `select distinct county from ${SCOPE_TABLE} order by county nulls last`,
            )
          ).map((r) => r.county)
          await db.run(filesTableSql(counties))
          await db.run(inputTableSql(ctx.manifest.inputs.map(readInputSql), rows))
          await db.run(rowsTableSql(rows))
          await db.run(`drop table ${INPUT_TABLE}`)
          // Names and case numbers that would start a spreadsheet formula are written as text.
          await db.run(copyResultsSql(parts, await spreadsheetSafe(db, RESULTS_SELECT)))
          const slugs = uniqueSlugs(counties, 'unknown-county')
          for (const [i, slug] of slugs.entries()) {
            const from = join(parts, `${FILE_COLUMN}=${i}`)
            const files = readdirSync(from)
            if (files.length !== 1) throw new Error(`DOJ results: ${files.length} files written for ${slug}`)
            const path = join(dir, `${slug}_results.csv`)
            renameSync(join(from, files[0]!), path)
            narrow(path)
            written.push(runRelative(ctx.out, path))
          }
        })
      } finally {
        rmSync(parts, { recursive: true, force: true })
        await db.run(DROP_SQL)
      }
      return written
    },
  }
}

export const dojResultsStep: OutputStep = dojResultsStepFor('counts')
