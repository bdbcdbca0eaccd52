/**
 * Output step `summary`: public/summary.json and public/summary.md, de-identified aggregates only
 * (no name, date of birth, CII number or SUBJECT_ID), small cells withheld per reports/suppression/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OutputContext, OutputStep } from './output-step.ts'
import { outPaths } from '../lib/paths.ts'
import { MIN_CELL } from '../../reports/suppression/min-cell.ts'
import { buildSummary } from './summary.ts'
import { summaryMarkdown } from '../../reports/summary/summary-markdown.ts'

export const summaryStep: OutputStep = {
  name: 'summary',
  async write(ctx: OutputContext): Promise<string[]> {
    const dir = outPaths(ctx.out).public
    mkdirSync(dir, { recursive: true })
    const summary = await buildSummary(ctx.db, ctx.manifest, MIN_CELL)
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n')
    writeFileSync(join(dir, 'summary.md'), summaryMarkdown(summary))
    return ['public/summary.json', 'public/summary.md']
  },
}
