/**
 * Output step `motions`: the bulk motions of the DOJ's list, restricted/motions/<county>/<court>.csv and .pdf
 * for every court with in-scope convictions, plus restricted/motions/index.csv (see write-motions.ts).
 */
import type { OutputStep } from './output-step.ts'
import { writeMotions } from './write-motions.ts'

export const motionsStep: OutputStep = {
  name: 'motions',
  beforeMarts: true, // mart_motion_cases is a view
  write: (ctx) =>
    writeMotions(ctx, {
      mart: 'mart_motion_cases',
      folder: ['motions'],
      source: 'doj_extract',
      size: ctx.manifest.counts.in_scope_counts,
    }),
}
