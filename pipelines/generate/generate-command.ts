/** CLI shell for `relief generate`. */
import { resolve } from 'node:path'
import { generateExtract } from './generate-extract.ts'
import { generateCourtIndex } from './court-index.ts'

export async function generateCommand(o: {
  subjects: number
  seed: number
  out: string
  disparity?: number
  threads?: number
  courtIndex?: string
}): Promise<void> {
  const r = await generateExtract({
    subjects: o.subjects,
    seed: o.seed,
    out: resolve(o.out),
    ...(o.disparity !== undefined ? { disparity: o.disparity } : {}),
    ...(o.threads !== undefined ? { threads: o.threads } : {}),
  })
  process.stdout.write(
    `${r.rows} rows for ${r.subjects} subjects written to ${r.out} in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / r.seconds)} rows/s)\n`,
  )
  if (o.courtIndex) {
    const c = await generateCourtIndex({
      doj: r.out,
      out: resolve(o.courtIndex),
      seed: o.seed,
      threads: o.threads,
    })
    process.stdout.write(
      `court index: ${c.rows} charges written to ${c.out}; truth in ${c.truth} (${c.courtOnly} court-only, ${c.dojOnly} DOJ-only, ${c.mismatches} disagreeing)\n`,
    )
  }
}
