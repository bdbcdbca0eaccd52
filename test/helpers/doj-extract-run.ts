/**
 * A DOJ-chain model over a small hand-written extract: the lines are written to a CSV file, read by ingest's own
 * read_csv expression (inspectFile + rawSourceSql), and built through the real raw_doj_rows and stg_doj_rows (and
 * whatever else the chain needs) up to the model under test. Cases are written as DOJ fields, so they survive a
 * change of staging's internal columns.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runModel, type ModelRun } from './model-fixture.ts'
import { toCsvLine } from './doj-fixture.ts'
import { DOJ_COLUMN_NAMES, type DojRow } from '../../data-contracts/doj-extract.contract.ts'
import { inspectFile } from '../../pipelines/ingest/inspect-file.ts'
import { rawSourceSql } from '../../pipelines/ingest/raw-source.ts'
import type { Model, ModelContext } from '../../sql/model.ts'
import { raw_doj_rows } from '../../sql/sources/raw_doj_rows.ts'
import { stg_doj_rows } from '../../sql/staging/stg_doj_rows.ts'
import { stg_charge_codes } from '../../sql/staging/stg_charge_codes.ts'

/** A line of the file: a DOJ row (written as CSV) or raw text, for a malformed line. */
export type ExtractLine = DojRow | string

/** Writes the lines under a header line; returns the file's path. */
export function writeLines(lines: readonly ExtractLine[], name = 'extract.csv'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'relief-model-')), name)
  const text = [DOJ_COLUMN_NAMES.join(','), ...lines.map((l) => (typeof l === 'string' ? l : toCsvLine(l)))]
  writeFileSync(path, text.join('\n') + '\n')
  return path
}

/**
 * Builds `model` over the extract: raw_doj_rows, stg_doj_rows and stg_charge_codes, then `between` (models between
 * staging and the model, in build order), then the model. Pass a staging model itself as `model` to test staging.
 */
export async function runOverExtract(
  model: Model,
  lines: readonly ExtractLine[],
  opts: { between?: readonly Model[]; ctx?: Partial<ModelContext> } = {},
): Promise<ModelRun & { path: string }> {
  const path = writeLines(lines)
  const staging = [raw_doj_rows, stg_doj_rows, stg_charge_codes]
  const also = staging.includes(model)
    ? staging.slice(0, staging.indexOf(model))
    : [...staging, ...(opts.between ?? [])]
  const run = await runModel(
    model,
    {},
    { ctx: { ...opts.ctx, rawSource: rawSourceSql([inspectFile(path)]) }, also },
  )
  return { ...run, path }
}
