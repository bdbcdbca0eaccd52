/**
 * What a model is: one named SQL relation with its grain, its upstream models and the rules it applies.
 * Models are built in the order of `sql/models.ts`; `relief models` prints exactly this SQL.
 */
import type { ResolvedPolicy } from './rules/policy/resolved-policy.ts'

export type ModelLayer = 'seed' | 'source' | 'staging' | 'intermediate' | 'determination' | 'mart'

/** Run-time facts a model's SQL may need that are not data (only sources and seeds use them). */
export interface ModelContext {
  /** read_csv(...) expression(s) over the input files, built by ingest. */
  rawSource: string
  asOf: string
  county: string | null
  policyName: string
  /** The DA policy the policy layer applies; absent means the statute alone. */
  policy?: ResolvedPolicy
  referenceDir: string
}

export interface Model {
  readonly name: string
  readonly layer: ModelLayer
  readonly materialized: 'table' | 'view'
  /** "one row per …" */
  readonly grain: string
  readonly dependsOn: readonly string[]
  readonly ruleIds?: readonly string[]
  /** The SELECT that defines the relation. */
  sql(ctx: ModelContext): string
}

const LAYER_ORDER: ModelLayer[] = ['seed', 'source', 'staging', 'intermediate', 'determination', 'mart']

/** Refuses a model list whose dependencies point forward or skip back across layers the wrong way. */
export function checkModelOrder(models: readonly Model[]): void {
  const seen = new Map<string, Model>()
  for (const m of models) {
    for (const d of m.dependsOn) {
      const dep = seen.get(d)
      if (!dep) throw new Error(`model ${m.name} depends on ${d}, which is not built before it`)
      if (LAYER_ORDER.indexOf(dep.layer) > LAYER_ORDER.indexOf(m.layer))
        throw new Error(`model ${m.name} (${m.layer}) reads ${d} from a later layer (${dep.layer})`)
    }
    seen.set(m.name, m)
  }
}

/** DDL for one model, with a header an auditor can read. */
export function compileModel(m: Model, ctx: ModelContext): string {
  const header = [
    `-- model:      ${m.name}`,
    `-- layer:      ${m.layer} (${m.materialized})`,
    `-- grain:      ${m.grain}`,
    `-- depends on: ${m.dependsOn.join(', ') || '(files)'}`,
    ...(m.ruleIds?.length ? [`-- rules:      ${m.ruleIds.join(', ')}`] : []),
  ].join('\n')
  const kind = m.materialized === 'table' ? 'table' : 'view'
  const comment = `${m.grain}${m.ruleIds?.length ? `; rules: ${m.ruleIds.join(', ')}` : ''}`.replaceAll(
    "'",
    "''",
  )
  return `${header}\ncreate or replace ${kind} ${m.name} as\n${m.sql(ctx).trim()};\ncomment on ${kind} ${m.name} is '${comment}';\n`
}
