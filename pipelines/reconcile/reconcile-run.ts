/**
 * `relief reconcile`: a full run on the DOJ extract, then the court index beside it: ingest (ledger balanced per
 * file), match, decide court-only cannabis convictions by the same rules, write restricted/reconcile/*.csv, add
 * the counts to the manifest, and rebuild the public report with the "cases the DOJ list missed" section.
 */
import { DEFAULT_MEMORY_LIMIT } from '../run/resource-options.ts'
import { lockFolder } from '../run/run-folder.ts'
import { writeFileAtomically } from '../export/staged-writes.ts'
import { resolve } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { outPaths, REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { ledgerOf } from '../ingest/file-ledger.ts'
import { ledgerTotals, reconcile } from '../ingest/reconcile.ts'
import type { FileReconciliation, LedgerTotals, Manifest } from '../../data-contracts/manifest.contract.ts'
import { runPipeline, type RunResult } from '../run/run-pipeline.ts'
import type { RunOptions } from '../run/run-options.ts'
import { buildModels } from '../run/build-models.ts'
import { asIngestError } from '../run/fresh-db.ts'
import { OUTPUT_STEPS } from '../outputs/output-steps.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { courtModels } from '../../sql/court-models.ts'
import { checkModelOrder, type ModelContext } from '../../sql/model.ts'
import { MODELS } from '../../sql/models.ts'
import { inspectCourtFile } from './inspect-court-file.ts'
import {
  COURT_REJECT_ERRORS,
  COURT_REJECT_SCANS,
  COURT_REJECTS,
  courtLinesSql,
  courtRawSql,
  REFUSED_SQL,
} from './court-source.ts'
import { writeReconcileFiles } from './reconcile-files.ts'

export interface ReconcileOptions extends RunOptions {
  courtIndex: string[]
}

export interface CourtIndexManifest {
  inputs: FileReconciliation[]
  totals: LedgerTotals
  counts: {
    court_cannabis_convictions: number
    doj_counts_matched: number
    matched_by: Record<string, number>
    court_only: number
    court_only_people: number
    court_only_by_determination: Record<string, number>
    court_only_case_known_to_doj: number
    doj_only: number
    mismatches: number
    mismatches_by_field: Record<string, number>
  }
}

export interface ReconcileResult extends RunResult {
  court: CourtIndexManifest
}

export async function reconcileRun(opts: ReconcileOptions): Promise<ReconcileResult> {
  // Check the court files before spending a run on the extract: a wrong file is one line, exit 2.
  const courtFiles = resolveInputs(opts.courtIndex).map(inspectCourtFile)
  // The report is drawn once, below, when the court models it reads exist.
  const run = await runPipeline({ ...opts, skipOutputs: [...(opts.skipOutputs ?? []), 'report'] })
  return reconcileCourtIndex(run, opts, courtFiles)
}

/**
 * The court index reconciled with a finished run (built with the report skipped, see reconcileRun): the
 * court models are built into the run's database, the reconcile files written, and the report drawn.
 */
export async function reconcileCourtIndex(
  run: RunResult,
  opts: ReconcileOptions,
  courtFiles = resolveInputs(opts.courtIndex).map(inspectCourtFile),
): Promise<ReconcileResult> {
  const out = run.out
  const paths = outPaths(out)
  const unlock = lockFolder(out, 'reconcile')
  const db = await openDb(opts.db ? resolve(opts.db) : paths.db, {
    threads: opts.threads,
    memoryLimit: opts.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
  })
  try {
    const ledgers = new Map(
      await Promise.all(courtFiles.map(async (f) => [f.path, await ledgerOf(f.path)] as const)),
    )
    const policy = resolvePolicy(opts.policy?.[0] ?? 'statute')
    const ctx: ModelContext = {
      rawSource: '',
      asOf: run.manifest.as_of,
      county: run.manifest.options.county,
      policyName: policy.name,
      policy,
      referenceDir: REFERENCE_DIR,
    }
    const courtChain = courtModels({
      raw: courtRawSql(courtFiles),
      lines: courtLinesSql(courtFiles, ledgers),
    })
    // The whole chain must be in order behind the run's models (which are already built).
    checkModelOrder([...MODELS, ...courtChain], ctx)
    const [raw, ...rest] = courtChain
    try {
      // Records in file order, so record k is the k-th record of its file.
      await withInsertionOrder(db, () => buildModels(db, ctx, [raw!]))
    } catch (e) {
      const err = asIngestError(e)
      throw err instanceof UserError
        ? new UserError(err.message.replace('the DOJ format', 'the court index contract'))
        : err
    }
    await ensureRejectTables(db)
    await buildModels(db, ctx, rest)
    const inputs = await reconcile(db, courtFiles, ledgers, {
      loaded: `(select source_file from stg_court_index_rows where reject_reason is null)`,
      rejects: COURT_REJECTS,
      build: { errors: COURT_REJECT_ERRORS, scans: COURT_REJECT_SCANS, refused: REFUSED_SQL },
    })
    const totals = ledgerTotals(inputs)
    if (totals.rows_loaded === 0)
      throw new UserError(
        `${courtFiles.map((f) => f.path).join(', ')}: no court index record could be loaded (${totals.rows_rejected} rejected)`,
      )
    const written = await writeReconcileFiles(db, out)
    const court: CourtIndexManifest = { inputs, totals, counts: await countsOf(db) }
    const manifest = run.manifest as Manifest & { court_index?: CourtIndexManifest }
    manifest.court_index = court
    // The report is rebuilt so its court-only section reads the mart this step built.
    const report = opts.determinationsOnly ? undefined : OUTPUT_STEPS.find((s) => s.name === 'report')
    const reportFiles = report
      ? await report.write({ db, out, runId: run.runId, asOf: run.manifest.as_of, manifest })
      : []
    manifest.outputs = [...new Set([...manifest.outputs, ...written, ...reportFiles])]
    writeFileAtomically(paths.manifest, JSON.stringify(manifest, null, 2) + '\n')
    return { ...run, manifest, court }
  } finally {
    db.close()
    unlock()
  }
}

/** The CSV reader makes its rejects tables only when it has something to say; the line SELECT reads them always. */
export async function ensureRejectTables(
  db: Db,
  errors = COURT_REJECT_ERRORS,
  scans = COURT_REJECT_SCANS,
): Promise<void> {
  const has = async (t: string) =>
    Number(await db.scalar(`select count(*) from duckdb_tables() where table_name = '${t}'`)) > 0
  if (!(await has(errors)))
    await db.run(
      `create table ${errors} (scan_id ubigint, file_id ubigint, line ubigint, column_idx ubigint, error_type varchar, error_message varchar, csv_line varchar)`,
    )
  if (!(await has(scans)))
    await db.run(`create table ${scans} (scan_id ubigint, file_id ubigint, file_path varchar)`)
}

async function countsOf(db: Db): Promise<CourtIndexManifest['counts']> {
  const n = async (sql: string) => Number(await db.scalar(sql))
  const by = async (sql: string) =>
    Object.fromEntries((await db.rows<{ k: string; n: number }>(sql)).map((r) => [r.k, r.n]))
  return {
    court_cannabis_convictions: await n(
      `select count(*) from stg_court_index_rows where reject_reason is null and is_cannabis and is_conviction`,
    ),
    doj_counts_matched: await n(`select count(*) from int_court_doj_pairs where matched_by is not null`),
    matched_by: await by(
      `select matched_by k, count(*)::int n from int_court_doj_pairs where matched_by is not null group by 1 order by 1`,
    ),
    court_only: await n(`select count(*) from court_only_determinations`),
    court_only_people: await n(`select count(distinct subject_id) from court_only_determinations`),
    court_only_by_determination: await by(
      `select determination k, count(*)::int n from court_only_determinations group by 1 order by 1`,
    ),
    court_only_case_known_to_doj: await n(
      `select count(*) from court_only_determinations where case_known_to_doj`,
    ),
    doj_only: await n(`select count(*) from doj_only_counts`),
    mismatches: await n(`select count(*) from court_doj_mismatches`),
    mismatches_by_field: await by(
      `select f k, count(*)::int n from (select unnest(string_split(disagrees_on, ';')) f from court_doj_mismatches) group by 1 order by 1`,
    ),
  }
}
