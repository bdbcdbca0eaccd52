/**
 * `relief compare`: several DA policies over ONE ingest. The files are read once into the staging and
 * intermediate tables and the statute layer is decided once; the view over the CSV is then dropped, so no
 * scenario can read the files again. Per scenario only the policy layer and count_determinations are rebuilt,
 * and their aggregate is appended to a tidy table (CSV + Parquet) with a markdown summary.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Progress } from '../lib/progress.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { inspectFile } from '../ingest/inspect-file.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { NOT_IN_ENCODING, printEncodingWarnings } from '../ingest/reconcile.ts'
import { asIngestError, openFreshDb } from '../run/fresh-db.ts'
import { buildModels } from '../run/build-models.ts'
import { checkAsOf, checkEncoding, normaliseCounty, todayIso } from '../run/run-options.ts'
import { copyCsv, copyParquet } from '../run/write-outputs.ts'
import { checkDbPath } from '../run/db-path.ts'
import { checkMemoryLimit, checkThreads, sizedForInput } from '../run/resource-options.ts'
import { lockFolder } from '../run/run-folder.ts'
import { writeFileAtomically } from '../export/staged-writes.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'
import { policyFileLabel } from '../policy/presets.ts'
import { MODELS } from '../../sql/models.ts'
import type { ModelContext } from '../../sql/model.ts'
import { COMPARE_SELECT, CREATE_COMPARE_TABLE, insertScenario } from './compare-table.ts'
import { compareSummary, type ScenarioInfo } from './compare-summary.ts'
import { reliefPid } from '../lib/relief-pid.ts'

export interface CompareOptions {
  inputs: string[]
  out: string
  policy: string[]
  asOf?: string
  county?: string | null
  /** DuckDB file to keep (default: a temporary compare.duckdb in the output folder, removed at the end). */
  db?: string
  threads?: number
  memoryLimit?: string
  /** The input files' character encoding (--encoding): utf-8 (default) or latin-1. */
  encoding?: string
  quiet?: boolean
}

export interface CompareResult {
  out: string
  files: string[]
  scenarios: ScenarioInfo[]
  /** How many times each model was built: staging once, the policy layer once per scenario. */
  builds: Record<string, number>
  timings: Progress['timings']
}

/** The models a scenario rebuilds: the policy layer and what reads it. Everything before is shared. */
export const SCENARIO_MODELS = [
  'elig_policy_determinations',
  'count_decisions',
  'count_determinations',
  'mart_scenario_cells',
]

export async function comparePolicies(opts: CompareOptions): Promise<CompareResult> {
  const progress = new Progress(opts.quiet)
  const asOf = checkAsOf(opts.asOf ?? todayIso())
  const county = opts.county ? normaliseCounty(opts.county) : null
  if (opts.policy.length < 2)
    throw new UserError(`--policy: compare needs at least two policies (got ${opts.policy.length})`)
  const policies = opts.policy.map(resolvePolicy)
  const dup = policies.find((p, i) => policies.findIndex((q) => q.name === p.name) !== i)
  if (dup) throw new UserError(`--policy: "${dup.name}" is given twice; each scenario needs its own name`)
  const threads = checkThreads(opts.threads)
  const memoryLimit = checkMemoryLimit(opts.memoryLimit)
  const out = resolve(opts.out)
  const encoding = checkEncoding(opts.encoding)
  const files = resolveInputs(opts.inputs).map((path) => inspectFile(path, encoding))
  // --db must never overwrite something that is not an earlier relief database (an extract, say).
  if (opts.db) await checkDbPath(resolve(opts.db), opts.db)
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UserError(`--out ${opts.out}: is a file, not a folder`)
  mkdirSync(out, { recursive: true })
  const unlock = lockFolder(out, 'compare')
  const dbPath = opts.db ? resolve(opts.db) : join(out, `.compare-${reliefPid()}.duckdb`)

  const first = MODELS.findIndex((m) => SCENARIO_MODELS.includes(m.name))
  const shared = MODELS.slice(0, first).filter((m) => !SCENARIO_MODELS.includes(m.name))
  const perScenario = MODELS.filter((m) => SCENARIO_MODELS.includes(m.name))
  const builds: Record<string, number> = {}
  const count = (ms: typeof MODELS) => ms.forEach((m) => (builds[m.name] = (builds[m.name] ?? 0) + 1))

  let open: Awaited<ReturnType<typeof openFreshDb>> | undefined
  try {
    const sized = sizedForInput(files, memoryLimit)
    const db = (open = await openFreshDb(dbPath, { threads, memoryLimit: sized.memoryLimit }))
    const ctx: ModelContext = {
      rawSource: rawSourceSql(files),
      asOf,
      county,
      policyName: `compare: ${policies.map((p) => p.name).join(', ')}`,
      referenceDir: REFERENCE_DIR,
      largeInput: sized.largeInput,
    }
    const ingest = await progress.phase('ingest + statute layer', async () => {
      const t = performance.now()
      try {
        await buildModels(db, ctx, shared)
      } catch (e) {
        throw asIngestError(e)
      }
      count(shared)
      // From here on nothing may touch the files: drop the only relation that reads them.
      await db.run(`drop view if exists raw_doj_rows`)
      return (performance.now() - t) / 1000
    })
    const rowsLoaded = Number(await db.scalar(`select count(*) from stg_doj_rows`))
    if (!opts.quiet) {
      const notText = await db.rows<{ file: string; n: string }>(
        `select file, count(*) n from ingest_rejects where ${NOT_IN_ENCODING} group by 1 order by 1`,
      )
      const inputs = notText.map((r) => ({ file: r.file, encoding, rows_rejected_encoding: Number(r.n) }))
      printEncodingWarnings(inputs, opts.quiet)
    }
    if (rowsLoaded === 0)
      throw new UserError(`${files.map((f) => f.path).join(', ')}: no row could be loaded`)

    await db.run(CREATE_COMPARE_TABLE)
    const scenarios: ScenarioInfo[] = []
    for (const [i, policy] of policies.entries()) {
      const seconds = await progress.phase(`scenario ${policy.name}`, async () => {
        const t = performance.now()
        await buildModels(db, { ...ctx, policyName: policy.name, policy }, perScenario)
        count(perScenario)
        await db.run(insertScenario(policy.name, i))
        return (performance.now() - t) / 1000
      })
      scenarios.push({
        name: policy.name,
        file: policyFileLabel(policy.file),
        sha256: policy.sha256,
        chain: policy.chain,
        seconds,
      })
    }

    const written = await progress.phase('write comparison', async () => {
      await copyCsv(db, COMPARE_SELECT, join(out, 'compare.csv'))
      await copyParquet(db, COMPARE_SELECT, join(out, 'compare.parquet'))
      const md = await compareSummary(db, {
        inputs: files.map((f) => f.path),
        asOf,
        county,
        rowsLoaded,
        ingestSeconds: ingest,
        scenarios,
      })
      writeFileAtomically(join(out, 'compare.md'), md)
      return ['compare.csv', 'compare.parquet', 'compare.md']
    })
    return { out, files: written, scenarios, builds, timings: progress.timings }
  } finally {
    open?.close()
    // The kept database holds every person's determinations: owner-only whatever the umask.
    if (opts.db && existsSync(dbPath)) chmodSync(dbPath, 0o600)
    unlock()
    if (!opts.db) for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true, recursive: true })
    if (!opts.db) rmSync(`${dbPath}.tmp`, { force: true, recursive: true })
  }
}
