/**
 * `relief run`: files → ingest ledger → models (staging → intermediate → determinations) → outputs + manifest.
 * Every phase is timed; the manifest records how the result was obtained and balances the rows.
 */
import { createHash } from 'node:crypto'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { interruptQueries, keepFreedMemory, type Db } from '../lib/duckdb.ts'
import { Progress, type PhaseStart } from '../lib/progress.ts'
import { settledInTurn } from '../lib/settled-in-turn.ts'
import { outPaths, REFERENCE_DIR } from '../lib/paths.ts'
import { gitCommitLater, VERSION } from '../lib/version.ts'
import { UserError } from '../lib/user-error.ts'
import { hashAside, takeHashes, type HashAside } from '../lib/hash-aside.ts'
import { resolveInputs } from '../ingest/resolve-inputs.ts'
import { inspectFile, withNulScan } from '../ingest/inspect-file.ts'
import { ledgerOf, plainLedgerOf, type FileLedger } from '../ingest/file-ledger.ts'
import type { FileIdentity } from '../lib/file-identity.ts'
import { rawSourceSql } from '../ingest/raw-source.ts'
import { ingestError } from '../ingest/ingest-error.ts'
import { foldedTables, ledgerTotals, printEncodingWarnings, reconcile } from '../ingest/reconcile.ts'
import { foldInputs, keepCountLines, type FoldResult } from '../ingest/native/native-fold.ts'
import { stopNativePrograms } from '../lib/native-program.ts'
import type { FileReconciliation, Manifest } from '../../data-contracts/manifest.contract.ts'
import { BUILD_PHASES, buildModels, viewMartsFirst, type ModelSeconds } from './build-models.ts'
import { openFreshDb } from './fresh-db.ts'
import { claimRunFolder, type RunFolder } from './run-folder.ts'
import { checkDbPath } from './db-path.ts'
import { checkMemoryLimit, checkThreads, sizedForInput } from './resource-options.ts'
import { carryOver, commitDb, openPublicFiles, tempDbBeside, untilSignal } from './run-commit.ts'
import { MODELS } from '../../sql/models.ts'
import { FOLDED_MODELS } from '../../sql/folded-models.ts'
import {
  checkAsOf,
  checkEncoding,
  checkReader,
  normaliseCounty,
  todayIso,
  type RunOptions,
} from './run-options.ts'
import { copyCsv, REJECTS_SELECT, writeDeterminations } from './write-outputs.ts'
import { threadsOf } from './db-threads.ts'
import { persistWork, STORE } from './persist-work.ts'
import { checkpointBeside } from './checkpoint-beside.ts'
import { releaseRetainedMemory, releaseRetainedMemoryAtLimit } from './release-memory.ts'
import { underThreads, withFineScans } from './fine-scans.ts'
import { persistedViewDdl, type Model, type ModelContext } from '../../sql/model.ts'
import { outputStepsWith } from '../outputs/output-steps.ts'
import type { OutputStep } from '../outputs/output-step.ts'
import { resolvePolicy } from '../policy/resolve-policy.ts'
import { policyFileLabel } from '../policy/presets.ts'

/** The models that read no input (reference tables, run parameters). */
const SEEDS = MODELS.filter((m) => m.layer === 'seed')

/** What the native reader's own process used: its CPU, its peak memory, and the run's own memory beside it. */
export interface NativeReaderFigures {
  /** The run's wait for it: its build on first use (pipelines/lib/native-program.ts), its start, its reading. */
  seconds: number
  cpu_seconds: number
  max_rss_mb: number
  /**
   * The run's memory when the reader ended. The run only grows while it reads (DuckDB's library, the seeds), so this
   * plus the reader's peak bounds the two together.
   */
  run_rss_mb_while_reading: number
}

export interface RunResult {
  out: string
  runId: string
  manifest: Manifest
  timings: Progress['timings']
  /** Each model's build seconds, in build order (also in run-log.json). */
  models: ModelSeconds[]
  nativeReader?: NativeReaderFigures
}

export async function runPipeline(opts: RunOptions): Promise<RunResult> {
  const progress = new Progress(opts.quiet)
  // Asked now, while the process is small (version.ts).
  const commit = gitCommitLater()
  // Every option is checked before anything is created or deleted: a typo costs nothing.
  const asOf = checkAsOf(opts.asOf ?? todayIso())
  const county = opts.county ? normaliseCounty(opts.county) : null
  const policyArgs = opts.policy?.length ? opts.policy : ['statute']
  if (policyArgs.length !== 1)
    throw new UserError(
      `--policy ${policyArgs.join(', ')}: a run applies one policy; use \`relief compare\` for several`,
    )
  const policy = resolvePolicy(policyArgs[0]!)
  const threads = checkThreads(opts.threads)
  const memoryLimit = checkMemoryLimit(opts.memoryLimit)
  const encoding = checkEncoding(opts.encoding)
  const readerChoice = checkReader(opts.reader)
  // A file the native reader may read is not read whole for a NUL byte here: the reader refuses one itself, and a
  // file DuckDB reads is looked at below.
  let files = resolveInputs(opts.inputs).map((path) => inspectFile(path, encoding, readerChoice === 'duckdb'))
  const dbFinal = opts.db ? resolve(opts.db) : null
  if (dbFinal) await checkDbPath(dbFinal, opts.db)
  // A rerun replaces --out whole: an input inside it would be deleted by the run that reads it.
  const outAbs = resolve(opts.out)
  const inside = files.find((f) => resolve(f.path).startsWith(outAbs + sep))
  if (inside)
    throw new UserError(
      `--input ${inside.path}: lies inside --out ${opts.out}, which a run replaces whole; keep inputs outside the run folder`,
    )

  // The run is built in a hidden owner-only sibling of --out and swapped into place at the end: --out holds the
  // previous complete run until then, and nothing of it survives a rerun.
  const folder = claimRunFolder(opts.out)
  const out = folder.final
  const paths = outPaths(folder.work)
  // --db elsewhere is built under a temporary name beside it and renamed only when the run is complete.
  const dbPath = dbFinal ? tempDbBeside(dbFinal) : paths.db
  let open: Db | undefined
  const stopWatching = untilSignal(() => {
    // An interrupted run exits now, not when its running query would have ended.
    if (open) interruptQueries(open)
    abandon(folder, dbPath, dbFinal)
  })
  // Output work started as soon as the intermediate models exist (OutputStep.afterModels).
  const early: Promise<void>[] = []
  // The output steps started, with their files (awaited before the database closes, should the run fail).
  const running = new Map<OutputStep, Promise<string[]>>()
  // Set when the output steps have all finished (or the run failed): the checkpoint beside them stops trying.
  let stepsDone = false
  // Set when the table marts are built (false when the run failed first): the file's copy takes them in then.
  let martsBuilt: (built: boolean) => void = () => {}
  const tableMartsBuilt = new Promise<boolean>((resolve) => (martsBuilt = resolve))
  let committed = false
  // Each input's hash, taken aside while the run decides (plain ledgers only).
  let asides: Map<string, HashAside> | undefined
  // The native reader's folding and when it started (before the database opens), and what stops it should the run
  // fail first.
  let reading: { started: PhaseStart; folding: Promise<FoldResult> } | undefined
  const stopReading = new AbortController()
  try {
    const sized = sizedForInput(files, memoryLimit)
    // Below statewide size, DuckDB's allocator keeps what its queries free (duckdb.ts): a statewide-size run works
    // in less memory than it reads, and at 20M lines one that kept it all grew to 11.9 GB against 3.8.
    const keptFreedMemory = !sized.largeInput && keepFreedMemory(threads)
    // A statewide-size input is built in the file, which DuckDB compresses and pages out; any other in memory.
    const inMemory = !sized.largeInput
    // The native reader folds in memory: a statewide-size input is left to DuckDB, which pages to disk, unless asked.
    const tryNative = readerChoice === 'native' || (readerChoice === 'auto' && !sized.largeInput)
    // The native reader's folded tables, in the owner-only work folder until the intermediate models are built.
    const foldDir = join(folder.work, '.fold')
    // The reader is started first, before DuckDB's library loads and the database opens (0.15–0.2 s of every run,
    // which it read through before), and while this process is small (a process is copied to start another: 50 ms
    // once DuckDB was loaded). The ingest phase is timed from here.
    reading = tryNative
      ? { started: progress.mark(), folding: foldInputs(files, foldDir, stopReading.signal) }
      : undefined
    reading?.folding.catch(() => {}) // awaited in the ingest phase, or stopped should the run fail before
    const db = (open = await openFreshDb(dbPath, { threads, memoryLimit: sized.memoryLimit, inMemory }))
    if (!tryNative) files = files.map(withNulScan)
    const ctx: ModelContext = {
      rawSource: rawSourceSql(files),
      asOf,
      county,
      policyName: policy.name,
      policy,
      referenceDir: REFERENCE_DIR,
      largeInput: sized.largeInput,
    }
    // Hash and count records: a reading of the files independent of the reader's.
    const ledgersOf = (ledger: (path: string) => Promise<FileLedger>) => {
      const p = Promise.all(files.map(async (f) => [f.path, await ledger(f.path)] as const))
      p.catch(() => {}) // awaited at the reconciliation
      return p
    }
    // Read beside the reader's reading. A file the native reader may take gets the lighter ledger (its records are
    // its lines); should the reader not take it, the full one is read below, beside DuckDB's reading. (Read after
    // the native reader instead, beside the intermediate models, it cost those more than it saved the reader: 4.1–4.3
    // against 3.7–3.8 s of decisions at 1M lines.)
    let ledgerPromise = ledgersOf(tryNative ? (path) => plainLedgerOf(path, { hash: false }) : ledgerOf)
    // The plain ledger's hash is taken aside, at the lowest priority, and awaited for the manifest (hash-aside.ts).
    asides = tryNative ? new Map(files.map((f) => [f.path, hashAside(f.path)])) : undefined
    const steps = opts.steps ?? (opts.determinationsOnly ? [] : outputStepsWith(opts.dojRows))
    let inputs: FileReconciliation[] = []
    const modelSeconds: ModelSeconds[] = []
    // Its notes of where each count's lines are, kept there until the output steps are done.
    const countLinesDir = join(folder.work, '.count-lines')
    let countLines: string[] | undefined
    // Each input's identity while the ledger hashed it: the DOJ step copies lines from an input still of that
    // identity without hashing it again.
    const inputsAsRead = new Map<string, FileIdentity>()
    // Tables the database file keeps as views of their SQL (Model.persistAs).
    const persistedViews = () =>
      new Map(allModels.filter((m) => m.persistAs === 'view').map((m) => [m.name, persistedViewDdl(m, ctx)]))
    let allModels = MODELS
    // The rows the native reader folded, per file, for the ledger.
    let foldedRows: ReadonlyMap<string, number> | undefined
    let reader: NonNullable<Manifest['reader']> = {
      name: 'duckdb',
      why:
        readerChoice === 'duckdb'
          ? '--reader duckdb'
          : 'a statewide-size input is read by DuckDB, which pages to disk (the native reader folds in memory)',
    }
    // The native reader's own CPU and memory, for the run log (its process is not the run's).
    let nativeReader: NativeReaderFigures | undefined
    let seeded = false
    // The marts are built after the loop, beside the output steps that do not read them (see below).
    for (const { phase, layers } of BUILD_PHASES.filter((p) => p.phase !== 'marts')) {
      await progress.phase(
        phase,
        async () => {
          if (phase === 'ingest' && reading) {
            // The seeds (reference tables, run parameters) read no input: they are built while the reader reads.
            const seeding = buildModels(db, ctx, SEEDS, (m) => modelSeconds.push(m))
            seeding.catch(() => {}) // awaited below
            const fold = await reading.folding
            const readerSeconds = (performance.now() - reading.started.time) / 1000
            const rssWhileReading = Math.round(process.memoryUsage.rss() / 2 ** 20)
            await seeding
            seeded = true
            if (fold.kind === 'folded') {
              progress.addChildCpu(fold.cpuSeconds)
              nativeReader = {
                seconds: Number(readerSeconds.toFixed(2)),
                cpu_seconds: fold.cpuSeconds,
                max_rss_mb: fold.maxRssMb,
                run_rss_mb_while_reading: rssWhileReading,
              }
              ctx.foldDir = fold.dir
              allModels = FOLDED_MODELS
              reader = { name: 'native' }
              foldedRows = fold.rows
            } else if (readerChoice === 'native') throw new UserError(`--reader native: ${fold.why}`)
            else {
              reader = { name: 'duckdb', why: fold.why }
              files = files.map(withNulScan)
              ctx.rawSource = rawSourceSql(files)
              ledgerPromise = ledgersOf(ledgerOf)
              for (const a of asides?.values() ?? []) a.cancel()
              asides = undefined
            }
          }
          const models = allModels.filter((m) => layers.includes(m.layer) && !(seeded && m.layer === 'seed'))
          const build = () => buildModels(db, ctx, models, (m) => modelSeconds.push(m), allModels)
          try {
            // Finer-grained scans (fine-scans.ts) for the intermediate models below statewide size, whose tables are a
            // few row groups each (at 1M and 2M lines they took 1.26–1.33 s against 1.40–1.46, and 2.01–2.06 against
            // 2.09–2.24), and for the determinations of counts in fewer row groups than threads (at 2M lines, two
            // row groups on two threads, they took longer: 1.08–1.16 s against 0.79–0.86), and likewise for the marts
            // below.
            if (
              (phase === 'models' && !sized.largeInput) ||
              (phase === 'determinations' && (await underThreads(db, 'int_prop64_counts')))
            )
              await withFineScans(db, build)
            else await build()
          } catch (e) {
            throw phase === 'ingest' ? ingestError(e, files) : e
          }
        },
        undefined,
        { since: phase === 'ingest' ? reading?.started : undefined },
      )
      // Nothing reads the folded tables past the intermediate models; the DOJ step reads where the counts' lines are.
      if (phase === 'models') {
        if (foldedRows) countLines = keepCountLines(foldDir, countLinesDir)
        rmSync(foldDir, { recursive: true, force: true })
      }
      // Output work that needs only the intermediate models starts now, beside the determinations (not for a
      // statewide-size input, where memory comes first).
      if (phase === 'models' && !sized.largeInput)
        for (const step of steps)
          if (step.afterModels) {
            const started = onOwnConnection(db, (con) => step.afterModels!({ db: con, asOf, county }))
            started.catch(() => {}) // the step's write() reports it
            early.push(started)
          }
      // The ledger must balance, and rejected lines carry their physical line, before anything is decided.
      if (phase === 'ingest') {
        const ledgers = new Map<string, FileLedger>(await ledgerPromise)
        for (const [path, ledger] of ledgers) if (ledger.identity) inputsAsRead.set(path, ledger.identity)
        inputs = await progress.phase('reconcile', () =>
          reconcile(db, files, ledgers, foldedRows && foldedTables(foldedRows)),
        )
        printEncodingWarnings(inputs, opts.quiet)
      }
      // The determinations are written as soon as they exist: the marts only feed the other outputs.
      if (phase === 'determinations')
        await progress.phase('write determinations', async () => {
          // From here on (these files, the marts, the output steps) a statewide-size run works within its writing's
          // lower memory limit (resource-options.ts).
          if (sized.largeInput) await releaseRetainedMemory(db, sized.outputMemoryLimit)
          await writeDeterminations(db, paths.determinationsCsv, paths.determinationsParquet)
          await copyCsv(db, REJECTS_SELECT, paths.rejectsCsv)
        })
    }
    if (asides) await takeHashes(inputs, asides, inputsAsRead)
    const totals = ledgerTotals(inputs)
    const counts = await countsOf(db)
    const options = {
      county,
      policy: policy.name,
      policy_file: policyFileLabel(policy.file),
      policy_sha256: policy.sha256,
      threads: opts.threads ?? null,
      memory_limit: opts.memoryLimit ?? null,
      encoding,
    }
    const runId = createHash('sha256')
      .update(JSON.stringify({ v: VERSION, asOf, options, inputs: inputs.map((i) => i.sha256) }))
      .digest('hex')
      .slice(0, 12)
    const manifest: Manifest = {
      tool: { name: 'record-relief', version: VERSION, commit: await commit },
      run_id: runId,
      as_of: asOf,
      options,
      inputs,
      totals,
      counts,
      outputs: ['count_determinations.csv', 'count_determinations.parquet', 'rejects.csv', 'manifest.json'],
      reader,
    }
    /** One output step, on its own connection: its files, relative to the run folder. */
    const writeStep = (step: OutputStep): Promise<string[]> =>
      onOwnConnection(db, (con) =>
        progress.phase(
          `write ${step.name}`,
          () => step.write({ db: con, out: folder.work, runId, asOf, manifest, countLines, inputsAsRead }),
          (files) => `${files.length} file(s)`,
          { together: !sized.largeInput },
        ),
      )
    // The work that ran beside the determinations (court models): the database file's copy waits for it.
    const modelWork = [...early]
    // The output steps that read only views over the determinations (the motions, the DOJ files) start as soon as
    // those views exist, while the table marts are built: the marts took 0.8–0.9 s of both cores at 2M lines,
    // before any step started. The summary and the report read the table marts and start after them.
    const start = (step: OutputStep) => {
      const p = writeStep(step)
      p.catch(() => {}) // settled below, in step order
      running.set(step, p)
    }
    const marts = allModels.filter((m) => m.layer === 'mart')
    const [viewMarts, tableMarts] = sized.largeInput ? [[], marts] : viewMartsFirst(marts, ctx)
    const tableMartNames = new Set(tableMarts.map((m) => m.name))
    let checkpointed: Promise<unknown> = Promise.resolve('left to close' as const)
    // What the decisions' queries freed goes back to the system before the outputs (release-memory.ts): DuckDB's
    // allocator keeps freed memory for reuse (keepFreedMemory, lib/duckdb.ts), and the outputs' own then comes on top.
    if (keptFreedMemory) await releaseRetainedMemoryAtLimit(db)
    // From here the output steps, the table marts and the database file's copy run side by side, each on its own
    // connection, and the motions draw on worker threads: DuckDB's own threads on top of those only crowd the cores.
    // With half of them a run at 2M lines took 17.6–19.0 s against 18.7–20.4 (1M: 10.8–11.7 against 11.5–11.9),
    // three pairs each. Set before the marts, not after them (session 33): the marts and the first steps then run
    // one thread a query too, and the run after its decisions took 19.5–19.9 s against 20.9–26.5 at 5M lines (three
    // pairs), 6.0–7.1 against 6.6–7.4 at 1M (four), 8.1–9.2 against 9.0–9.6 at 2M (three), for a higher peak at
    // 2M (2.11–2.17 GB against 1.69–1.73). (A statewide-size input runs its steps one after another, with every
    // thread.)
    if (!sized.largeInput) await db.run(`set threads = ${outputThreads(await threadsOf(db))}`)
    await progress.phase('marts', async () => {
      const build = async (models: readonly Model[]) =>
        buildModels(db, ctx, models, (m) => modelSeconds.push(m), allModels)
      await build(viewMarts)
      if (!sized.largeInput) for (const step of steps) if (step.beforeMarts) start(step)
      // The run's tables and views go into the file beside the output steps, once the early work (court models) is
      // done, and the file's checkpoint follows, not in close() after them (persist-work.ts, checkpoint-beside.ts).
      // It starts with the first steps, while the table marts are built (they are copied once built): started after
      // them, its copy of int_convictions was the last work of a run at 2M lines. Not for a statewide-size input,
      // where memory comes first and its tables were written in place as built.
      checkpointed = !inMemory
        ? Promise.resolve('left to close' as const)
        : Promise.allSettled(modelWork).then(() =>
            onOwnConnection(db, (con) =>
              progress.phase(
                'write database',
                async () => {
                  const copied = await persistWork(con, persistedViews(), tableMartNames)
                  // Then the table marts, built meanwhile, before the one checkpoint: copied after the steps
                  // instead, they and the checkpoint close() then made were the last 0.15 s of a run, on one core.
                  if (await tableMartsBuilt) copied.push(...(await persistWork(con, persistedViews())))
                  await checkpointBeside(con, () => stepsDone, STORE)
                  return copied
                },
                (copied) => `${copied.length} table(s) and view(s)`,
                { together: true },
              ),
            ),
          )
      early.push(checkpointed.then(() => undefined))
      // Finer scans for marts over counts in fewer row groups than the output threads (at 1M lines on two threads,
      // 0.49–0.54 s against 0.66–0.72; with one thread a query, as on two cores, never).
      if (await underThreads(db, 'count_decisions')) await withFineScans(db, () => build(tableMarts))
      else await build(tableMarts)
      martsBuilt(true)
    })

    // The other steps run at the same time, each on its own connection: the motions draw on worker threads
    // and the DOJ files' whole-line read runs on one DuckDB thread, so either alone leaves a core idle. Their
    // files are listed in step order whatever order they finish in; a failed step fails the run. A
    // statewide-size input runs them one after another: memory comes first there (docs/scale.md).
    let written: PromiseSettledResult<string[]>[]
    if (sized.largeInput)
      written = await settledInTurn(
        1,
        steps.map((step) => async () => {
          await releaseRetainedMemory(db, sized.outputMemoryLimit)
          return writeStep(step)
        }),
      )
    else {
      for (const step of steps) if (!running.has(step)) start(step)
      written = await Promise.allSettled(steps.map((step) => running.get(step)!))
    }
    stepsDone = true
    rmSync(countLinesDir, { recursive: true, force: true })
    for (const r of written) if (r.status === 'rejected') throw r.reason
    for (const r of written) if (r.status === 'fulfilled') manifest.outputs.push(...r.value)
    // The database file's copy can end after the steps: its timing goes in the log too.
    await checkpointed
    writeFileSync(
      paths.runLog,
      JSON.stringify(
        {
          run_id: runId,
          timings: progress.timings,
          models: modelSeconds,
          native_reader: nativeReader,
          // The options DuckDB's allocator was given (null: its own), which decide what memory it keeps.
          duckdb_allocator_options: process.env.DUCKDB_JE_MALLOC_CONF ?? null,
        },
        null,
        2,
      ) + '\n',
    )
    // What the output steps built after the copy (the court models of a reconcile run, built by its step). No other
    // step builds a table or view the file keeps.
    if (inMemory && steps.some((s) => s.afterModels)) await persistWork(db, persistedViews())
    db.close()
    open = undefined
    rmSync(`${dbPath}.tmp`, { recursive: true, force: true })
    // status: complete is written last, and only when every file the manifest lists is there.
    const missing = manifest.outputs.filter((f) => f !== 'manifest.json' && !existsSync(join(folder.work, f)))
    if (missing.length) throw new Error(`run ${runId}: outputs listed but not written: ${missing.join(', ')}`)
    manifest.status = 'complete'
    writeFileSync(paths.manifest, JSON.stringify(manifest, null, 2) + '\n')
    carryOver(out, folder.work)
    if (dbFinal) commitDb(dbPath, dbFinal)
    openPublicFiles(paths.public)
    folder.commit()
    committed = true
    return { out, runId, manifest, timings: progress.timings, models: modelSeconds, nativeReader }
  } finally {
    // Early output work still running (a failed run) must end before its database closes.
    stepsDone = true
    martsBuilt(false)
    for (const a of asides?.values() ?? []) a.cancel()
    stopReading.abort()
    await Promise.allSettled([...early, ...running.values(), ...(reading ? [reading.folding] : [])])
    open?.close()
    stopWatching()
    if (!committed) abandon(folder, dbPath, dbFinal)
  }
}

/** DuckDB's threads while the output steps run side by side: half of the run's, at least one. */
export const outputThreads = (threads: number | bigint): number =>
  Math.max(1, Math.floor(Number(threads) / 2))

/** Work on a connection of its own (closed after), so it runs beside the work of other connections. */
async function onOwnConnection<T>(db: Db, work: (con: Db) => Promise<T>): Promise<T> {
  const con = await db.connect()
  try {
    return await work(con)
  } finally {
    con.close()
  }
}

/** Leaves the previous run (and a previous --db) as they were. */
function abandon(folder: RunFolder, dbPath: string, dbFinal: string | null): void {
  // A native reader still writing into the work folder would keep it from being removed.
  stopNativePrograms()
  folder.abandon()
  if (dbFinal)
    for (const f of [dbPath, `${dbPath}.wal`, `${dbPath}.tmp`]) rmSync(f, { recursive: true, force: true })
}

async function countsOf(db: Db): Promise<Manifest['counts']> {
  // Related charges (added by a policy) are not Prop 64 counts: they are counted apart.
  const PROP64 = `not is_related`
  const by = async (col: string, where: string) =>
    Object.fromEntries(
      (
        await db.rows<{ k: string; n: number }>(
          `select ${col} k, count(*)::int n from count_determinations where ${where} group by 1 order by 1`,
        )
      ).map((r) => [r.k, r.n]),
    )
  return {
    in_scope_counts: Number(await db.scalar(`select count(*) from count_determinations where ${PROP64}`)),
    subjects: Number(
      await db.scalar(`select count(distinct subject_id) from count_determinations where ${PROP64}`),
    ),
    by_statute_determination: await by('statute_determination', PROP64),
    by_determination: await by('determination', PROP64),
    related_charge_rows: Number(
      await db.scalar(`select count(*) from count_determinations where not (${PROP64})`),
    ),
    related_by_determination: await by('determination', `not (${PROP64})`),
  }
}
