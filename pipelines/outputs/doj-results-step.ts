/**
 * Output step `doj`: restricted/doj/<county>_results.csv, one file per county with in-scope convictions,
 * in the DOJ research-file layout plus eligibility columns (see doj-results-sql.ts for which value each row
 * carries). The input files are read again, after checking they are the ones the run hashed.
 */
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import { outPaths } from '../lib/paths.ts'
import { checkRunInputs, readInputSql } from '../export/run-inputs.ts'
import {
  freshRestrictedDir,
  narrow,
  prepareRestrictedFile,
  restrictedDir,
  runRelative,
} from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { copyCsv } from '../run/write-outputs.ts'
import {
  COUNT_VALUES_SQL,
  countyResultsSql,
  DROP_SQL,
  INPUT_TABLE,
  inputTableSql,
  rowsTableSql,
  SCOPE_SQL,
  SCOPE_TABLE,
  SUBJECT_VALUES_SQL,
} from './doj-results-sql.ts'

export const dojResultsStep: OutputStep = {
  name: 'doj',
  async write(ctx: OutputContext): Promise<string[]> {
    const { db } = ctx
    await checkRunInputs(ctx.manifest)
    const restricted = outPaths(ctx.out).restricted
    restrictedDir(restricted)
    const dir = freshRestrictedDir(restricted, 'doj')
    const written: string[] = []
    try {
      await withInsertionOrder(db, async () => {
        await db.run(SCOPE_SQL)
        await db.run(COUNT_VALUES_SQL)
        await db.run(SUBJECT_VALUES_SQL)
        await db.run(inputTableSql(ctx.manifest.inputs.map(readInputSql)))
        await db.run(rowsTableSql())
        await db.run(`drop table ${INPUT_TABLE}`)
        const counties = (
          await db.rows<{ county: string | null }>(
            `select distinct county from ${SCOPE_TABLE} order by county nulls last`,
          )
        ).map((r) => r.county)
        const slugs = uniqueSlugs(counties, 'unknown-county')
        for (const [i, county] of counties.entries()) {
          const path = join(dir, `${slugs[i]}_results.csv`)
          prepareRestrictedFile(path)
          await copyCsv(db, countyResultsSql(county), path)
          narrow(path)
          written.push(runRelative(ctx.out, path))
        }
      })
    } finally {
      await db.run(DROP_SQL)
    }
    return written
  },
}
