/**
 * The `relief` command line. Each command is a thin shell over a pipeline function; a UserError becomes one
 * line on stderr and exit code 2, anything else keeps its stack (it is a bug).
 */
import { Command, InvalidArgumentError } from 'commander'
import { UserError } from './lib/user-error.ts'
import { VERSION } from './lib/version.ts'
import { runPipeline } from './run/run-pipeline.ts'
import { explainSubject } from './run/explain.ts'
import { writeModels } from './run/write-models.ts'

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
  .option('--policy <name>', 'policy preset or file (repeatable in compare)', collect)
  .option('--as-of <date>', 'YYYY-MM-DD the sentence-end and age rules are measured against (default today)')
  .option('--threads <n>', 'DuckDB threads', int('--threads'))
  .option('--memory-limit <size>', 'DuckDB memory limit before spilling to disk, e.g. 4GB', '4GB')
  .action(async (o) => {
    const r = await runPipeline({
      inputs: o.input,
      out: o.out,
      db: o.db,
      county: o.county,
      policy: o.policy,
      asOf: o.asOf,
      threads: o.threads,
      memoryLimit: o.memoryLimit,
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
  .action(async (o) => {
    const files = writeModels(o.out)
    process.stdout.write(`${files.length} models written to ${o.out}\n`)
  })

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof UserError) {
    process.stderr.write(`relief: ${e.message}\n`)
    process.exit(2)
  }
  throw e
})
