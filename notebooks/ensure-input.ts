/**
 * The extract a notebook reads: the one given, else the demo extract (`npm run demo` writes it), else a small
 * synthetic extract generated once for the notebooks, so a notebook runs on a fresh checkout.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { generateExtract } from '../pipelines/generate/generate-extract.ts'
import { UserError } from '../pipelines/lib/user-error.ts'

export const DEMO_INPUT = 'out/demo/synthetic-doj-100000-seed64.csv'
const FALLBACK = { subjects: 5_000, seed: 64, path: 'out/notebooks/synthetic-doj-5000-seed64.csv' }

export async function ensureInput(given: string | undefined, log: (s: string) => void): Promise<string> {
  if (given) {
    if (!existsSync(given)) throw new UserError(`--input ${given}: no such file`)
    return resolve(given)
  }
  if (existsSync(DEMO_INPUT)) return resolve(DEMO_INPUT)
  if (!existsSync(FALLBACK.path)) {
    log(
      `${DEMO_INPUT} not found (run \`npm run demo\` for the 100,000-subject extract); generating ${FALLBACK.subjects} synthetic subjects …`,
    )
    await generateExtract({ subjects: FALLBACK.subjects, seed: FALLBACK.seed, out: resolve(FALLBACK.path) })
  }
  return resolve(FALLBACK.path)
}
