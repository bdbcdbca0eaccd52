/**
 * Output step `doj`: restricted/doj/<county>_results.csv, one file per county with in-scope convictions,
 * in the DOJ research-file layout plus eligibility columns (see doj-results-sql.ts for which rows, which
 * value each row carries, and how the input is read again fast). The input files are read again and
 * re-hashed meanwhile: no file is kept unless they are the ones the run hashed. Each file is written into an
 * owner-only folder (from the input's own lines, or by its own ordered COPY), then renamed.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import type { Db } from '../lib/duckdb.ts'
import { outPaths } from '../lib/paths.ts'
import { checkRunInputs, oneRecordPerLine, requireRunInputs } from '../export/run-inputs.ts'
import { freshRestrictedDir, narrow, restrictedDir, runRelative } from '../export/restricted-files.ts'
import { uniqueSlugs } from '../export/slug.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { linePathTakes, writeByLines, type LineSource } from './doj-results-lines.ts'
import { duckdbReadColumns } from '../../data-contracts/doj-extract.contract.ts'
import type { FileReconciliation } from '../../data-contracts/manifest.contract.ts'
import {
  CANDIDATE_COLUMNS,
  candidatesSql,
  copyResultFileSql,
  COUNTIES_SQL,
  countsTableSql,
  createRowsTableSql,
  DROP_SQL,
  filesTableSql,
  formulaLinesSql,
  insertRowsSql,
  parseSql,
  rebuildFormulaLinesSql,
  ROWS_TABLE,
  scopeTablesSql,
  subjectValuesSql,
  type DojRows,
} from './doj-results-sql.ts'

/**
 * Appends one input's rows to the rows table: through a candidate file of whole lines when the ledger
 * allows, else (or if the whole-line read refuses a line) by parsing the input in full.
 */
export async function readInput(
  db: Db,
  input: FileReconciliation,
  i: number,
  rows: DojRows,
  scratch: string,
): Promise<void> {
  if (oneRecordPerLine(input)) {
    const candidates = join(scratch, `${i}.csv`)
    try {
      await db.run(candidatesSql(input, candidates, rows))
    } catch {
      rmSync(candidates, { force: true })
    }
    if (readdirSync(scratch).includes(`${i}.csv`)) {
      await db.run(insertRowsSql(parseSql(candidates, false, CANDIDATE_COLUMNS), true, rows))
      rmSync(candidates, { force: true })
      return
    }
  }
  await db.run(
    insertRowsSql(parseSql(input.file, input.has_header, duckdbReadColumns(), input.encoding), false, rows),
  )
}

/** Lines kept as they were read but holding a field that may start a formula: rebuilt from their values. */
async function rebuildFormulaLines(db: Db, scratch: string): Promise<void> {
  const n = await db.scalar<bigint>(`select count(*) from ${ROWS_TABLE} where may_start_formula`)
  if (!n) return
  const path = join(scratch, 'formula-lines.csv')
  await db.run(formulaLinesSql(path))
  await db.run(rebuildFormulaLinesSql(parseSql(path, false, CANDIDATE_COLUMNS)))
  rmSync(path, { force: true })
}

/**
 * Writes the DOJ result files of one choice of rows and says which path wrote them: the input's own lines
 * (doj-results-lines.ts) when it can take the inputs, else the input parsed again. `linePath: false` forces the
 * parsing path (tests hold the two to the same bytes).
 */
export async function writeResultFiles(
  ctx: OutputContext,
  rows: DojRows,
  { linePath = true }: { linePath?: boolean } = {},
): Promise<{ written: string[]; byLines: boolean; lineSource?: LineSource }> {
  const { db } = ctx
  requireRunInputs(ctx.manifest)
  const tryLines = linePath && rows === 'counts' && linePathTakes(ctx.manifest.inputs)
  // The parsing path hashes the inputs while DuckDB reads (the main thread is idle meanwhile), and awaits it
  // before any file is kept; the line path hashes each input as it scans it.
  let inputsChecked = tryLines ? null : checkRunInputs(ctx.manifest)
  inputsChecked?.catch(() => {})
  const restricted = outPaths(ctx.out).restricted
  restrictedDir(restricted)
  const dir = freshRestrictedDir(restricted, 'doj')
  // DuckDB creates its files with the process umask: inside owner-only folders nobody else can reach
  // them before they are narrowed.
  const parts = restrictedDir(restricted, 'doj', '.partitions')
  const scratch = restrictedDir(restricted, 'doj', '.candidates')
  const written: string[] = []
  let byLines: LineSource | false
  try {
    const counties = (await db.rows<{ county: string | null }>(COUNTIES_SQL)).map((r) => r.county)
    await db.run(filesTableSql(counties))
    for (const q of subjectValuesSql(rows)) await db.run(q)
    const slugs = uniqueSlugs(counties, 'unknown-county')
    const staged = slugs.map((_, i) => join(parts, `${i}.csv`))
    byLines =
      tryLines &&
      (await writeByLines({
        db,
        inputs: ctx.manifest.inputs,
        runId: ctx.manifest.run_id,
        staged,
        scratch,
        countLines: ctx.countLines,
        asRead: ctx.inputsAsRead,
      }))
    if (!byLines) {
      inputsChecked ??= checkRunInputs(ctx.manifest)
      inputsChecked.catch(() => {})
      await db.run(countsTableSql(rows))
      for (const q of scopeTablesSql(rows)) await db.run(q)
      await db.run(createRowsTableSql)
      for (const [i, input] of ctx.manifest.inputs.entries()) await readInput(db, input, i, rows, scratch)
      await rebuildFormulaLines(db, scratch)
      await withInsertionOrder(db, async () => {
        for (const [i, path] of staged.entries()) await db.run(copyResultFileSql(i, path))
      })
      // Nothing is kept before the inputs are known to be the ones the run read.
      await inputsChecked
    }
    for (const [i, slug] of slugs.entries()) {
      const path = join(dir, `${slug}_results.csv`)
      renameSync(staged[i]!, path)
      narrow(path)
      written.push(runRelative(ctx.out, path))
    }
  } finally {
    rmSync(parts, { recursive: true, force: true })
    rmSync(scratch, { recursive: true, force: true })
    await db.run(DROP_SQL)
  }
  return byLines ? { written, byLines: true, lineSource: byLines } : { written, byLines: false }
}

/** The step for one choice of rows; `dojResultsStep` is the default (in-scope count rows only). */
export function dojResultsStepFor(rows: DojRows, opts: { linePath?: boolean } = {}): OutputStep {
  return {
    name: 'doj',
    beforeMarts: true, // mart_doj_count_values and mart_doj_subject_values are views
    async write(ctx: OutputContext): Promise<string[]> {
      return (await writeResultFiles(ctx, rows, opts)).written
    },
  }
}

export const dojResultsStep: OutputStep = dojResultsStepFor('counts')
