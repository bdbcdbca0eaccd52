/**
 * Builds models in order into the database (a slice of MODELS when a run times phases), and compiles them
 * to files for auditors. The whole list's order is checked before anything is built.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../lib/duckdb.ts'
import {
  buildStatements,
  checkModelOrder,
  compileModel,
  dependenciesOf,
  type Model,
  type ModelContext,
} from '../../sql/model.ts'
import { MODELS } from '../../sql/models.ts'
import { withInsertionOrder } from '../export/insertion-order.ts'

/** One model's build time, for the run log (where a run's seconds went, model by model). */
export interface ModelSeconds {
  model: string
  seconds: number
}

export async function buildModels(
  db: Db,
  ctx: ModelContext,
  models: readonly Model[] = MODELS,
  built?: (m: ModelSeconds) => void,
  /** The whole list `models` is a slice of (FOLDED_MODELS when the native reader read the input). */
  all: readonly Model[] = MODELS,
): Promise<void> {
  checkedOnce(all, ctx)
  for (const m of models) {
    try {
      const t = performance.now()
      const build = async () => {
        for (const statement of buildStatements(m, ctx)) await db.run(statement)
      }
      // A model stored in order is built with DuckDB keeping its rows in the ORDER BY's order.
      await (m.orderedBy ? withInsertionOrder(db, build) : build())
      built?.({ model: m.name, seconds: Number(((performance.now() - t) / 1000).toFixed(3)) })
    } catch (e) {
      throw new Error(`building model ${m.name}: ${(e as Error).message}`, { cause: e })
    }
  }
}

/** The lists already checked with each context: a run builds its list in slices, phase by phase. */
const checked = new WeakMap<readonly Model[], WeakSet<ModelContext>>()

/**
 * Checks the list's order (checkModelOrder) once per list and context: compiling every model to check it took
 * 10–25 ms, and a run builds its list in six slices.
 */
function checkedOnce(all: readonly Model[], ctx: ModelContext): void {
  const contexts = checked.get(all) ?? new WeakSet<ModelContext>()
  if (contexts.has(ctx)) return
  checkModelOrder(all, ctx)
  contexts.add(ctx)
  checked.set(all, contexts)
}

/**
 * The marts that are views over earlier layers (or over such views), then the rest, each in build order. A view
 * costs nothing to create: the output steps that read only these (OutputStep.beforeMarts) start as soon as they
 * exist, while the table marts are built.
 */
export function viewMartsFirst(marts: readonly Model[], ctx: ModelContext): [Model[], Model[]] {
  const names = new Set(marts.map((m) => m.name))
  const first: Model[] = []
  const rest: Model[] = []
  const later = new Set<string>()
  for (const m of marts) {
    const view = m.materialized === 'view' || m.materialized === 'temp view'
    if (view && dependenciesOf(m, ctx).every((d) => !names.has(d) || !later.has(d))) first.push(m)
    else {
      rest.push(m)
      later.add(m.name)
    }
  }
  return [first, rest]
}

/** Phases of a run, by model layer: what `relief run` times and the benchmark reports. */
export const BUILD_PHASES: { phase: string; layers: Model['layer'][] }[] = [
  { phase: 'ingest', layers: ['seed', 'source', 'staging'] },
  { phase: 'models', layers: ['intermediate'] },
  { phase: 'determinations', layers: ['determination'] },
  { phase: 'marts', layers: ['mart'] },
]

/** Writes NN_<model>.sql for every model, in build order; returns the paths. */
export function writeCompiledModels(
  dir: string,
  ctx: ModelContext,
  models: readonly Model[] = MODELS,
): string[] {
  mkdirSync(dir, { recursive: true })
  checkModelOrder(models, ctx)
  return models.map((m, i) => {
    const p = join(dir, `${String(i + 1).padStart(2, '0')}_${m.name}.sql`)
    writeFileSync(p, compileModel(m, ctx))
    return p
  })
}
