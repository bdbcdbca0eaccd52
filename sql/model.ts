/**
 * What a model is: one named SQL relation with its grain, its upstream models and the rules it applies.
 * Models are built in the order of `sql/models.ts`; `relief models` prints exactly this SQL.
 */
import type { ResolvedPolicy } from './rules/policy/resolved-policy.ts'
import { compileTemplate, referencedRelations, type Relation, type SqlTemplate } from './helpers/model-sql.ts'

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
  /**
   * A statewide-size input: its 'temp table' models are built as tables in the database file instead, which
   * DuckDB compresses and pages out (an in-memory line table of 20M lines left the aggregates after it no room).
   */
  largeInput?: boolean
  /**
   * Where the native reader wrote its folded tables (pipelines/ingest/native): set when the run reads the input
   * through it, and the folded models (sql/folded-models.ts) are built instead of the line table.
   */
  foldDir?: string
}

export interface Model {
  readonly name: string
  readonly layer: ModelLayer
  /**
   * 'temp table': built for this run only, in memory (spilling to the temp directory), never written to the
   * database file: for the line-level staging that nothing reads after the run. 'temp view': a view for this
   * run only, over files the run deletes (the native reader's folded tables).
   */
  readonly materialized: 'table' | 'temp table' | 'view' | 'temp view'
  /**
   * How a statewide-size input builds it instead: a view read by several models is computed once per read, which
   * at that size costs more than the table's pages on disk.
   */
  readonly materializedWhenLarge?: 'table'
  /**
   * Columns its rows are stored in order of (its SELECT ends in this ORDER BY, and it is built with
   * preserve_insertion_order on): a file copied from it in that order needs no sort of its own.
   */
  readonly orderedBy?: readonly string[]
  /**
   * How the run's database file keeps a table built in memory: 'view' keeps its SQL (over the tables and views it
   * reads, which the file keeps too) instead of a copy of its rows, for a table whose copy cost the run more than
   * reading it through the view costs the commands that open the file.
   */
  readonly persistAs?: 'view'
  /** "one row per …" */
  readonly grain: string
  readonly ruleIds?: readonly string[]
  /**
   * A column the model and every relation it reads are keyed on (subject_id), for a model that groups a person's
   * rows. For a statewide-size input it is built in passes, each reading one hash bucket of people from every
   * upstream relation, so its aggregate fits in memory.
   */
  readonly partitionKey?: string
  /**
   * Upstream relations a partitioned model reads whole in every bucket: small tables keyed on something other
   * than the person (a lookup by charge text).
   */
  readonly wholeReads?: readonly Relation[]
  /** The SELECT that defines the relation. */
  sql(ctx: ModelContext): SqlTemplate | string
}

/**
 * The relations a model reads: its template's ref()s. A model written as plain text (a seed, a source over the
 * input files) reads no other model; checkModelOrder refuses one that names a model anyway.
 */
export function dependenciesOf(m: Model, ctx: ModelContext): string[] {
  const body = m.sql(ctx)
  return typeof body === 'string' ? [] : referencedRelations(body)
}

/** The SELECT of a model as SQL text. */
export function selectOf(m: Model, ctx: ModelContext): string {
  const body = m.sql(ctx)
  return (typeof body === 'string' ? body : compileTemplate(body)).trim()
}

const LAYER_ORDER: ModelLayer[] = ['seed', 'source', 'staging', 'intermediate', 'determination', 'mart']

/** Strips SQL comments and string literals, so a name mentioned there is not taken for a reference. */
const codeOnly = (text: string): string => text.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''")

/**
 * Refuses a model list whose dependencies point forward or skip back across layers the wrong way, and a model
 * that names another model's relation without declaring it (a reference the order check would not see).
 * `external` names relations written outside the model list (by ingest) that models may read.
 */
export function checkModelOrder(
  models: readonly Model[],
  ctx: ModelContext,
  external: readonly string[] = [],
): void {
  const seen = new Map<string, Model>()
  const names = new Set(models.map((m) => m.name))
  for (const m of models) {
    const deps = dependenciesOf(m, ctx)
    const text = codeOnly(selectOf(m, ctx))
    for (const other of names) {
      if (other !== m.name && !deps.includes(other) && new RegExp(`\\b${other}\\b`).test(text))
        throw new Error(`model ${m.name} reads ${other} without declaring it (write it as ref(${other}))`)
    }
    for (const d of deps) {
      if (external.includes(d)) continue
      const dep = seen.get(d)
      if (!dep) throw new Error(`model ${m.name} depends on ${d}, which is not built before it`)
      if (LAYER_ORDER.indexOf(dep.layer) > LAYER_ORDER.indexOf(m.layer))
        throw new Error(`model ${m.name} (${m.layer}) reads ${d} from a later layer (${dep.layer})`)
    }
    seen.set(m.name, m)
  }
}

/** Hash buckets a partitioned model is built in for a statewide-size input. */
export const LARGE_INPUT_PASSES = 4

/**
 * The statements that build one model: its DDL, or for a partitioned model on a statewide-size input the same
 * SELECT in LARGE_INPUT_PASSES passes (create from the first bucket, insert the rest). Same rows either way.
 */
export function buildStatements(m: Model, ctx: ModelContext): string[] {
  if (!(ctx.largeInput && m.partitionKey)) return [compileModel(m, ctx)]
  // Passes appended one after another would not keep one order.
  if (m.orderedBy) throw new Error(`model ${m.name}: a partitioned model cannot keep an order`)
  const key = m.partitionKey
  const select = selectOf(m, ctx)
  // Each upstream relation is read one bucket at a time (a filter on the model's output would stay above its
  // GROUP BY): every upstream of a partitioned model carries the key, and is a table (its rowid stays readable),
  // apart from the lookups it names in wholeReads, which every bucket reads whole.
  const whole = new Set((m.wholeReads ?? []).map((r) => r.name))
  const bucket = (k: number) =>
    dependenciesOf(m, ctx)
      .filter((dep) => !whole.has(dep))
      .reduce(
        (sql, dep) =>
          sql.replaceAll(
            `"${dep}"`,
            `(select rowid, * from "${dep}" where hash(${key}) % ${LARGE_INPUT_PASSES} = ${k})`,
          ),
        select,
      )
  const create = compileModel(m, ctx).replace(select, () => bucket(0))
  return [
    create,
    ...Array.from({ length: LARGE_INPUT_PASSES - 1 }, (_, i) => `insert into ${m.name} ${bucket(i + 1)}`),
  ]
}

/** The DDL that keeps a model in the run's database file as a view of its SQL (Model.persistAs). */
export const persistedViewDdl = (m: Model, ctx: ModelContext): string =>
  compileModel({ ...m, materialized: 'view', materializedWhenLarge: undefined }, ctx)

/** How the model is built for this input (materializedWhenLarge for a statewide-size one). */
export const materializationOf = (m: Model, ctx: ModelContext): Model['materialized'] =>
  (ctx.largeInput && m.materializedWhenLarge) || m.materialized

/** DDL for one model, with a header an auditor can read. */
export function compileModel(m: Model, ctx: ModelContext): string {
  const dependsOn = dependenciesOf(m, ctx)
  const materialized = materializationOf(m, ctx)
  const header = [
    `-- model:      ${m.name}`,
    `-- layer:      ${m.layer} (${materialized})`,
    `-- grain:      ${m.grain}`,
    `-- depends on: ${dependsOn.join(', ') || '(files)'}`,
    ...(m.ruleIds?.length ? [`-- rules:      ${m.ruleIds.join(', ')}`] : []),
  ].join('\n')
  const kind = materialized === 'view' || materialized === 'temp view' ? 'view' : 'table'
  const create =
    (materialized === 'temp table' && !ctx.largeInput) || materialized === 'temp view' ? `temp ${kind}` : kind
  const comment = `${m.grain}${m.ruleIds?.length ? `; rules: ${m.ruleIds.join(', ')}` : ''}`.replaceAll(
    "'",
    "''",
  )
  const order = m.orderedBy ? `\norder by ${m.orderedBy.join(', ')}` : ''
  return `${header}\ncreate or replace ${create} ${m.name} as\n${selectOf(m, ctx)}${order};\ncomment on ${kind} ${m.name} is '${comment}';\n`
}
