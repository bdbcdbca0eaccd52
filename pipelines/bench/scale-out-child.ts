/**
 * One process of the scale-out bench: `partition`, `worker` or `single`, with its options as one JSON argument.
 * Each is its own process, with its own DuckDB, so its seconds and peak RSS are its own (as on a machine of its
 * own). Prints one JSON line on stdout: the step's result plus peak_rss_mb.
 */
import { rmSync } from 'node:fs'
import { partitionExtract } from './scale-out-partition.ts'
import { runWorker } from './scale-out-worker.ts'
import { runPipeline } from '../run/run-pipeline.ts'

const [step, json] = process.argv.slice(2) as [string, string]
const o = JSON.parse(json)

async function single(): Promise<Record<string, unknown>> {
  rmSync(o.out, { recursive: true, force: true })
  const t = performance.now()
  const run = await runPipeline({
    inputs: o.inputs,
    out: o.out,
    asOf: o.asOf,
    policy: [o.policy],
    threads: o.threads,
    memoryLimit: o.memoryLimit,
    quiet: true,
    determinationsOnly: true,
  })
  const seconds = (performance.now() - t) / 1000
  const phases = Object.fromEntries(run.timings.map((p) => [p.phase, Number(p.seconds.toFixed(2))]))
  // The run also builds the marts; the workers stop at the decisions, so the like-for-like figure leaves them out.
  return { seconds, decisions_seconds: seconds - (phases.marts ?? 0), phases }
}

const result =
  step === 'partition'
    ? await partitionExtract(o)
    : step === 'worker'
      ? await runWorker(o)
      : step === 'single'
        ? await single()
        : (() => {
            throw new Error(`unknown step ${step}: partition, worker or single`)
          })()
process.stdout.write(
  JSON.stringify({ ...result, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n',
)
