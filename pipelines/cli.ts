/**
 * The `relief` command line. Each command is a thin shell over a pipeline function; a UserError becomes one
 * line on stderr and exit code 2, anything else keeps its stack (it is a bug).
 */
import { MEMORY_LIMIT_HELP } from './run/resource-options.ts'
import { Command, InvalidArgumentError } from 'commander'
import { UserError } from './lib/user-error.ts'
import { asUserError } from './lib/as-user-error.ts'
import { privateUmask } from './run/run-folder.ts'
import { VERSION } from './lib/version.ts'
import { runPipeline } from './run/run-pipeline.ts'
import { explainSubject } from './run/explain.ts'
import { writeModels } from './run/write-models.ts'
import { checkAsOf, checkDojRows } from './run/run-options.ts'

const int = (name: string) => (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`)
  return n
}
const collect = (v: string, prev: string[] = []) => [...prev, v]

const program = new Command()
  .name('relief')
  .description('Prop 64 (HS 11361.8) relief from California DOJ criminal-history extracts')
  .version(VERSION)
  .showHelpAfterError()
  // `relief status --out` and `relief status import --out` each own their options.
  .enablePositionalOptions()

/** --reader, for the commands that run the extract. */
const READER_HELP =
  'how the extract is read: auto (default: the native reader when it takes the files, else DuckDB), native (fail if it does not) or duckdb'

/** --encoding, for every command that reads DOJ extracts (data-contracts/doj-extract.contract.ts). */
const ENCODING_HELP =
  "the extract files' character encoding: utf-8 (default) or latin-1 (ISO-8859-1, accented names a byte each)"

program
  .command('generate')
  .description('write a seeded synthetic statewide extract in the DOJ research-file format')
  .requiredOption('--subjects <n>', 'number of people', int('--subjects'))
  .option('--seed <n>', 'random seed (same seed, same file)', int('--seed'), 1)
  .requiredOption('--out <file>', 'CSV file to write')
  .option(
    '--disparity <x>',
    'racial disparity multiplier for cannabis enforcement (see data-contracts/synthetic-generator.md)',
    parseFloat,
  )
  .option('--threads <n>', 'DuckDB threads', int('--threads'))
  .option(
    '--court-index <file>',
    'also write a court case index for the same people, and its truth beside it (<file>.truth.csv)',
  )
  .action(async (o) => (await import('./generate/generate-command.ts')).generateCommand(o))

program
  .command('run')
  .description('ingest extract files, decide every Prop 64 count, write determinations and the manifest')
  .requiredOption(
    '--input <path...>',
    'extract file(s), director(ies) or glob(s); .csv or .dat, header optional',
  )
  .requiredOption('--out <dir>', 'output folder')
  .option('--db <file>', 'DuckDB database file (default <out>/relief.duckdb)')
  .option('--county <name>', "only convictions in this county's courts (priors anywhere still count)")
  .option(
    '--policy <name|file>',
    'DA policy: a preset (statute, dismiss-all, los-angeles-2020, san-francisco-2019, sacramento-2019, san-joaquin-2019, contra-costa-2020) or a .yaml/.json file (default statute)',
    collect,
  )
  .option('--as-of <date>', 'YYYY-MM-DD the sentence-end and age rules are measured against (default today)')
  .option('--threads <n>', 'DuckDB threads', int('--threads'))
  .option('--memory-limit <size>', MEMORY_LIMIT_HELP)
  .option('--encoding <name>', ENCODING_HELP)
  .option('--reader <name>', READER_HELP)
  .option(
    '--doj-rows <rows>',
    'DOJ result files: counts (in-scope count rows, default) or all (every row of those people)',
  )
  .action(async (o) => {
    const r = await runPipeline({
      dojRows: checkDojRows(o.dojRows),
      inputs: o.input,
      out: o.out,
      db: o.db,
      county: o.county,
      policy: o.policy,
      asOf: o.asOf,
      threads: o.threads,
      memoryLimit: o.memoryLimit,
      encoding: o.encoding,
      reader: o.reader,
    })
    const m = r.manifest
    process.stdout.write(
      `run ${r.runId}: ${m.totals.rows_loaded} rows loaded, ${m.totals.rows_rejected} rejected of ${m.totals.rows_read}; ` +
        `${m.counts.in_scope_counts} in-scope counts for ${m.counts.subjects} people\n` +
        `determinations: ${Object.entries(m.counts.by_determination)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}\n` +
        `outputs in ${r.out}\n`,
    )
  })

program
  .command('reconcile')
  .description(
    'run the extract, then match a court case index to it: court-only, DOJ-only and disagreeing convictions, and supplemental motions for the court-only ones',
  )
  .requiredOption('--input <path...>', 'DOJ extract file(s), director(ies) or glob(s)')
  .requiredOption(
    '--court-index <path...>',
    'court case index CSV file(s) (data-contracts/court-index.contract.ts)',
  )
  .requiredOption('--out <dir>', 'output folder')
  .option('--db <file>', 'DuckDB database file (default <out>/relief.duckdb)')
  .option('--county <name>', "only convictions in this county's courts (priors anywhere still count)")
  .option('--policy <name|file>', 'DA policy preset or file (default statute)', collect)
  .option('--as-of <date>', 'YYYY-MM-DD the sentence-end and age rules are measured against (default today)')
  .option('--threads <n>', 'DuckDB threads', int('--threads'))
  .option('--memory-limit <size>', MEMORY_LIMIT_HELP)
  .option('--encoding <name>', ENCODING_HELP)
  .option(
    '--court-index-encoding <name>',
    "the court index files' character encoding: utf-8 (default) or latin-1 (ISO-8859-1)",
  )
  .action(async (o) => {
    const { reconcileRun } = await import('./reconcile/reconcile-run.ts')
    const r = await reconcileRun({
      inputs: o.input,
      courtIndex: o.courtIndex,
      out: o.out,
      db: o.db,
      county: o.county,
      policy: o.policy,
      asOf: o.asOf,
      threads: o.threads,
      memoryLimit: o.memoryLimit,
      encoding: o.encoding,
      courtIndexEncoding: o.courtIndexEncoding,
    })
    const c = r.court
    process.stdout.write(
      `run ${r.runId}: ${r.manifest.counts.in_scope_counts} in-scope DOJ counts; court index ${c.totals.rows_loaded} records loaded, ${c.totals.rows_rejected} rejected of ${c.totals.rows_read}\n` +
        `court-only cannabis convictions ${c.counts.court_only} (${Object.entries(
          c.counts.court_only_by_determination,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); DOJ-only counts ${c.counts.doj_only}; mismatches ${c.counts.mismatches}\n` +
        `outputs in ${r.out}/restricted/reconcile (supplemental motions of the court-only convictions in motions/)\n`,
    )
  })

const status = program
  .command('status')
  .description(
    'filing status per county from the ledger of court rulings: public/status.json|md, DOJ update and notification files',
  )
  .option('--out <dir>', 'run folder')
  .option('--min-cell <n>', 'withhold numbers describing fewer than n people (default 11)', int('--min-cell'))
  .action(async (o) => {
    if (!o.out) throw new UserError('status: --out <dir> is required')
    const { statusReport, MEASURES } = await import('./status/status-report.ts')
    const r = await statusReport({ out: o.out, minCell: o.minCell })
    const cell = (v: number | null) => (v === null ? '(s)' : String(v)).padStart(12)
    process.stdout.write(
      `${'county'.padEnd(16)}${MEASURES.map((m) => m.padStart(12)).join('')}\n` +
        r.rows
          .map((x) => `${x.county.slice(0, 15).padEnd(16)}${MEASURES.map((m) => cell(x.counts[m])).join('')}`)
          .join('\n') +
        `\n${r.ledgerRows} rulings in the ledger (${r.rulingsWithoutCount} for counts not in this run); ${r.files.length} files written\n`,
    )
  })

status
  .command('import')
  .description(
    'read court rulings (granted | denied | continued | withdrawn) per case and count into the filing ledger',
  )
  .requiredOption('--out <dir>', 'run folder')
  .requiredOption('--rulings <file...>', 'rulings CSV file(s) (data-contracts/court-rulings.contract.ts)')
  .action(async (o) => {
    const { importRulings } = await import('./status/status-import.ts')
    const r = await importRulings({ out: o.out, rulings: o.rulings })
    const read = r.inputs.reduce((a, i) => a + i.rows_read, 0)
    const rejected = r.inputs.reduce((a, i) => a + i.rows_rejected, 0)
    process.stdout.write(
      `rulings: ${read} read, ${rejected} rejected, ${r.added} new in the ledger (${r.ledgerRows} in all)\n`,
    )
  })

program
  .command('explain')
  .description("show one subject's in-scope counts and the trail of rules that decided each")
  .requiredOption('--out <dir>', 'output folder of an earlier run')
  .requiredOption('--subject <id>', 'SUBJECT_ID')
  .action(async (o) => {
    process.stdout.write(await explainSubject(o.out, o.subject))
  })

program
  .command('models')
  .description('write the compiled SQL of every model, in build order')
  .requiredOption('--out <dir>', 'folder to write NN_<model>.sql files into')
  .option('--as-of <date>', 'as-of date shown in run_params (default today)')
  .action(async (o) => {
    const files = writeModels(o.out, o.asOf ? checkAsOf(o.asOf) : undefined)
    process.stdout.write(`${files.length} models written to ${o.out}\n`)
  })

program
  .command('export')
  .description('write outputs again from a finished run folder, byte for byte as the run wrote them')
  .argument('<output...>', 'motions, doj, summary, or all')
  .requiredOption('--out <dir>', 'run folder (holds manifest.json and relief.duckdb)')
  .option('--db <file>', 'DuckDB database file, if the run used --db')
  .option(
    '--doj-rows <rows>',
    'DOJ result files: counts (in-scope count rows, default) or all (every row of those people)',
  )
  .action(async (outputs: string[], o) => {
    const { exportOutputs } = await import('./export/export-command.ts')
    for (const r of await exportOutputs({
      out: o.out,
      steps: outputs,
      db: o.db,
      dojRows: checkDojRows(o.dojRows),
    }))
      process.stdout.write(`${r.step}: ${r.files.length} file(s) written in ${o.out}\n`)
  })

program
  .command('report')
  .description(
    'rebuild the impact and disparity report (public/report, public/marts) from a finished run folder',
  )
  .requiredOption('--out <dir>', 'run folder (holds manifest.json and relief.duckdb)')
  .option('--db <file>', 'DuckDB database file, if the run used --db')
  .option('--min-cell <n>', 'withhold numbers describing fewer than n people (default 11)', int('--min-cell'))
  .action(async (o) => {
    const { reportCommand } = await import('./outputs/report-command.ts')
    const r = await reportCommand({ out: o.out, db: o.db, minCell: o.minCell })
    process.stdout.write(
      `report: ${r.html} (${r.htmlBytes} bytes, ${r.charts} charts, ${r.files.length} files) in ${r.seconds.toFixed(1)} s\n`,
    )
  })

program
  .command('compare')
  .description('decide the same extract under several DA policies (one ingest) and tabulate the differences')
  .requiredOption('--input <path...>', 'extract file(s), director(ies) or glob(s)')
  .requiredOption(
    '--policy <name|file>',
    'a preset or policy file; repeat for each scenario (two or more)',
    collect,
  )
  .requiredOption('--out <dir>', 'folder for compare.csv, compare.parquet and compare.md')
  .option('--county <name>', "only convictions in this county's courts (priors anywhere still count)")
  .option('--as-of <date>', 'YYYY-MM-DD the sentence-end and age rules are measured against (default today)')
  .option('--db <file>', 'keep the DuckDB database here (default: a temporary file, removed at the end)')
  .option('--threads <n>', 'DuckDB threads', int('--threads'))
  .option('--memory-limit <size>', MEMORY_LIMIT_HELP)
  .option('--encoding <name>', ENCODING_HELP)
  .action(async (o) => {
    const { comparePolicies } = await import('./compare/compare.ts')
    const r = await comparePolicies({
      inputs: o.input,
      out: o.out,
      policy: o.policy,
      asOf: o.asOf,
      county: o.county,
      db: o.db,
      threads: o.threads,
      memoryLimit: o.memoryLimit,
      encoding: o.encoding,
    })
    process.stdout.write(
      `compare: ${r.scenarios.map((s) => s.name).join(', ')} over one ingest; ${r.files.join(', ')} in ${r.out}\n`,
    )
  })

// Every command reads or writes criminal histories: owner-only from the first byte, whatever the shell's umask.
privateUmask()

program.parseAsync(process.argv).catch((caught: unknown) => {
  const e = asUserError(caught)
  if (e instanceof UserError) {
    // One line, whatever the message carried (a DuckDB message may span lines).
    process.stderr.write(`relief: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`)
    process.exit(2)
  }
  throw e
})
