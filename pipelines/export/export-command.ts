/**
 * `relief export <step…> --out DIR`: runs output steps again from a finished run folder. The context is
 * rebuilt from the folder alone (relief.duckdb and manifest.json), so each step writes the same bytes the
 * run wrote.
 */
import { DEFAULT_MEMORY_LIMIT } from '../run/resource-options.ts'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDb, type Db } from '../lib/duckdb.ts'
import { MODELS } from '../../sql/models.ts'
import { outPaths } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { outputStepsWith } from '../outputs/output-steps.ts'
import type { DojRows } from '../outputs/doj-results-sql.ts'
import type { OutputContext, OutputStep } from '../outputs/output-step.ts'
import { ensureMarts, viewNames } from '../outputs/ensure-marts.ts'
import { withStagedWrites } from './staged-writes.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'

export interface ExportOptions {
  out: string
  steps: string[]
  /** Database file, when the run used --db. */
  db?: string
  /** Rows of the DOJ result files (`--doj-rows`). */
  dojRows?: DojRows
}

export function pickSteps(names: readonly string[], dojRows?: DojRows): OutputStep[] {
  const steps = outputStepsWith(dojRows)
  const known = steps.map((s) => s.name)
  if (names.includes('all')) return steps
  const unknown = names.filter((n) => !known.includes(n))
  if (unknown.length)
    throw new UserError(
      `export ${unknown.join(', ')}: unknown output; choose from ${[...known, 'all'].join(', ')}`,
    )
  // Run order, whatever order they were named in.
  return steps.filter((s) => names.includes(s.name))
}

export function readManifest(out: string): Manifest {
  const path = outPaths(out).manifest
  if (!existsSync(path))
    throw new UserError(`${out}: not a finished run folder (no manifest.json); run \`relief run\` first`)
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest
}

export async function exportOutputs(o: ExportOptions): Promise<{ step: string; files: string[] }[]> {
  const out = resolve(o.out)
  const steps = pickSteps(o.steps, o.dojRows)
  const manifest = readManifest(out)
  const dbPath = o.db ? resolve(o.db) : outPaths(out).db
  if (!existsSync(dbPath))
    throw new UserError(`${dbPath}: run database not found (pass --db if the run used one)`)
  const db = await openDb(dbPath, {
    threads: manifest.options.threads ?? undefined,
    memoryLimit: manifest.options.memory_limit ?? DEFAULT_MEMORY_LIMIT,
    tempDirectory: `${dbPath}.tmp`,
  })
  try {
    await ensureMarts(db, dbPath, manifest)
    await materializePersistedViews(db)
    return await withStagedWrites(out, 'export', async (stage) => {
      const ctx: OutputContext = { db, out: stage, runId: manifest.run_id, asOf: manifest.as_of, manifest }
      const done: { step: string; files: string[] }[] = []
      for (const step of steps) done.push({ step: step.name, files: await step.write(ctx) })
      return done
    })
  } finally {
    db.close()
  }
}

/**
 * The tables the run keeps in its database file as views (Model.persistAs), computed once for this connection: the
 * output steps read them many times over (`relief export all` at 2M lines took 23 s reading the views, 17 s with
 * these). A temp table of the same name is found before the view.
 */
async function materializePersistedViews(db: Db): Promise<void> {
  const views = await viewNames(db)
  for (const m of MODELS)
    if (m.persistAs === 'view' && views.has(m.name))
      await db.run(`create temp table ${m.name} as from main.${m.name}`)
}
