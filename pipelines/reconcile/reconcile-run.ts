/**
 * `relief reconcile`: a full run on the DOJ extract with the court index beside it: ingest (ledger balanced per
 * file), match, decide court-only cannabis convictions by the same rules, write restricted/reconcile/*.csv, add
 * the counts to the manifest, and draw the public report with the "cases the DOJ list missed" section.
 */
import type { Db } from '../lib/duckdb.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { ledgerOf } from '../ingest/file-ledger.ts'
import {
  ledgerTotals,
  printEncodingWarnings,
  reconcile,
  type EncodingWarningTerms,
} from '../ingest/reconcile.ts'
import type { FileReconciliation, LedgerTotals, Manifest } from '../../data-contracts/manifest.contract.ts'
import { runPipeline, type RunResult } from '../run/run-pipeline.ts'
import { checkEncoding, type RunOptions } from '../run/run-options.ts'
import { buildModels } from '../run/build-models.ts'
import { asIngestError } from '../run/fresh-db.ts'
import { outputStepsWith } from '../outputs/output-steps.ts'
import { reportStep } from '../outputs/report-step.ts'
import { writeMotions } from '../outputs/write-motions.ts'
import type { EarlyContext, OutputContext, OutputStep } from '../outputs/output-step.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'
import { courtModels } from '../../sql/court-models.ts'
import { checkModelOrder, type ModelContext } from '../../sql/model.ts'
import { MODELS } from '../../sql/models.ts'
import { inspectCourtFile } from './inspect-court-file.ts'
import type { FileShape } from '../ingest/inspect-file.ts'
import {
  COURT_REJECT_ERRORS,
  COURT_REJECT_SCANS,
  COURT_REJECTS,
  courtLinesSql,
  courtRawSql,
  REFUSED_SQL,
} from './court-source.ts'
import { COURT_ONLY_MOTIONS, writeReconcileFiles } from './reconcile-files.ts'

export interface ReconcileOptions extends RunOptions {
  courtIndex: string[]
  /** The court index files' character encoding (--court-index-encoding): utf-8 (default) or latin-1. */
  courtIndexEncoding?: string
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

/** Where a run's court index comes from: files, or (the demo) a generator that reads the run's own models. */
export type CourtIndexSource = { files: FileShape[] } | { generate: (db: Db) => Promise<string[]> }

export async function reconcileRun(opts: ReconcileOptions): Promise<ReconcileResult> {
  // Check the court files before spending a run on the extract: a wrong file is one line, exit 2.
  const encoding = checkEncoding(opts.courtIndexEncoding, '--court-index-encoding')
  const files = resolveInputs(opts.courtIndex).map((path) => inspectCourtFile(path, encoding))
  return runWithCourtIndex(opts, { files })
}

/**
 * A run whose outputs include the court index reconciled with it: the court models are built, and the
 * reconcile files written, on their own connection beside the other output steps (the DOJ files, the motions),
 * and the report is drawn after them, since its court-only section reads their mart.
 */
export async function runWithCourtIndex(
  opts: RunOptions,
  source: CourtIndexSource,
): Promise<ReconcileResult> {
  const court = courtIndexStep(source, opts, !opts.determinationsOnly)
  const others = opts.determinationsOnly
    ? []
    : outputStepsWith(opts.dojRows).filter((s) => s.name !== 'report')
  const run = await runPipeline({ ...opts, steps: [...others, court] })
  const manifest = run.manifest as Manifest & { court_index?: CourtIndexManifest }
  if (!manifest.court_index) throw new Error(`run ${run.runId}: the court index step did not run`)
  return { ...run, court: manifest.court_index }
}

/**
 * The output step that reconciles the court index (and then, with every output, writes the court-only
 * convictions' supplemental motions and draws the report). The court models read only the run's intermediate
 * models, so they are built as soon as those exist (afterModels), beside the determinations; the files, the
 * counts, the motions and the report wait for write().
 */
export function courtIndexStep(source: CourtIndexSource, opts: RunOptions, everyOutput: boolean): OutputStep {
  let built: Promise<FileReconciliation[]> | undefined
  const build = (early: EarlyContext) => (built ??= buildCourtModels(early, source, opts))
  return {
    name: 'court-index',
    afterModels: async (early) => void (await build(early)),
    async write(ctx: OutputContext): Promise<string[]> {
      const { db, out } = ctx
      const inputs = await build({ db, asOf: ctx.asOf, county: ctx.manifest.options.county })
      const written = await writeReconcileFiles(db, out)
      const manifest = ctx.manifest as Manifest & { court_index?: CourtIndexManifest }
      const counts = await countsOf(db)
      manifest.court_index = { inputs, totals: ledgerTotals(inputs), counts }
      if (!everyOutput) return written
      // The convictions the DOJ list missed join the motions: a supplemental motion per court, drawn like the
      // DOJ list's, whose cover says where they were found. The report is drawn meanwhile on a connection of its
      // own: this step is often the run's last, and the two are the rest of its work.
      const report = ctx.db.connect().then(async (own) => {
        try {
          return await reportStep.write({ ...ctx, db: own })
        } finally {
          own.close()
        }
      })
      const motions = writeMotions(ctx, {
        mart: 'mart_court_only_motion_cases',
        folder: COURT_ONLY_MOTIONS,
        source: 'court_records',
        size: counts.court_only,
      })
      const [m, r] = await Promise.all([motions, report])
      return [...written, ...m, ...r]
    },
  }
}

/** The court index's own option, ledger file and loss, for its encoding warning. */
const COURT_INDEX_TERMS: EncodingWarningTerms = {
  option: '--court-index-encoding',
  ledger: 'restricted/reconcile/court_index_rejects.csv',
  lost: 'their court records are not reconciled',
}

/** The court index read (its ledger balanced per file) and its models built; returns the ledger per file. */
async function buildCourtModels(
  early: EarlyContext,
  source: CourtIndexSource,
  opts: RunOptions,
): Promise<FileReconciliation[]> {
  const { db } = early
  const courtFiles =
    'files' in source ? source.files : (await source.generate(db)).map((path) => inspectCourtFile(path))
  const ledgers = new Map(
    await Promise.all(courtFiles.map(async (f) => [f.path, await ledgerOf(f.path)] as const)),
  )
  const policy = resolvePolicy(opts.policy?.[0] ?? 'statute')
  const modelCtx: ModelContext = {
    rawSource: '',
    asOf: early.asOf,
    county: early.county,
    policyName: policy.name,
    policy,
    referenceDir: REFERENCE_DIR,
  }
  const courtChain = courtModels({
    raw: courtRawSql(courtFiles),
    lines: courtLinesSql(courtFiles, ledgers),
  })
  // The whole chain must be in order behind the run's models (which are already built).
  checkModelOrder([...MODELS, ...courtChain], modelCtx)
  const [raw, ...rest] = courtChain
  try {
    // Records in file order, so record k is the k-th record of its file.
    await withInsertionOrder(db, () => buildModels(db, modelCtx, [raw!]))
  } catch (e) {
    const err = asIngestError(e)
    throw err instanceof UserError
      ? new UserError(err.message.replace('the DOJ format', 'the court index contract'))
      : err
  }
  await ensureRejectTables(db)
  await buildModels(db, modelCtx, rest)
  const inputs = await reconcile(db, courtFiles, ledgers, {
    loaded: `(select source_file from stg_court_index_rows where reject_reason is null)`,
    rejects: COURT_REJECTS,
    build: { errors: COURT_REJECT_ERRORS, scans: COURT_REJECT_SCANS, refused: REFUSED_SQL },
  })
  printEncodingWarnings(inputs, opts.quiet, COURT_INDEX_TERMS)
  const totals = ledgerTotals(inputs)
  if (totals.rows_loaded === 0)
    throw new UserError(
      `${courtFiles.map((f) => f.path).join(', ')}: no court index record could be loaded (${totals.rows_rejected} rejected)`,
    )
  return inputs
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
