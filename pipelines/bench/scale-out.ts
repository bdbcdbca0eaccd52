/**
 * `npm run bench:scale-out -- --input <doj.csv> --workers N --out <dir> [--as-of YYYY-MM-DD] [--policy p]
 * [--threads n] [--worker-threads n] [--memory-limit 2GB] [--skip-single]`: hash-partitioned scale-out of the
 * decisions, in separate processes, checked against a single run (scale-out-run.ts, docs/scale-out.md).
 * Exit code 1 when the union differs from the single run.
 */
import { parseArgs } from 'node:util'
import { reportTable, scaleOut } from './scale-out-run.ts'

const { values } = parseArgs({
  options: {
    input: { type: 'string', multiple: true },
    workers: { type: 'string', default: '2' },
    out: { type: 'string' },
    'as-of': { type: 'string', default: '2026-01-01' },
    policy: { type: 'string', default: 'statute' },
    threads: { type: 'string' },
    'worker-threads': { type: 'string' },
    'memory-limit': { type: 'string' },
    'skip-single': { type: 'boolean', default: false },
  },
})
if (!values.input?.length || !values.out) {
  process.stderr.write('usage: npm run bench:scale-out -- --input <doj.csv> --workers N --out <dir>\n')
  process.exit(2)
}
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))
const report = await scaleOut({
  inputs: values.input,
  out: values.out,
  workers: Number(values.workers),
  asOf: values['as-of'],
  policy: values.policy,
  threads: num(values.threads),
  workerThreads: num(values['worker-threads']),
  memoryLimit: values['memory-limit'],
  skipSingle: values['skip-single'],
})
process.stdout.write(reportTable(report) + '\n')
process.exit(report.equal === false ? 1 : 0)
