/**
 * How a model's SQL is written: a kysely `sql` template in which every upstream relation appears as
 * `ref(model)`. Those references are the model's dependency list, read back from the template itself,
 * so the list cannot drift from the SQL that runs.
 */
import { sql, type RawBuilder } from 'kysely'
import { qb, toSql } from '../kysely.ts'

/** A model's SELECT (or a fragment of one), as a kysely template. */
export type SqlTemplate = RawBuilder<unknown>

/** Anything with a relation name: a model, or a table ingest writes before the models run. */
export interface Relation {
  readonly name: string
}

/** An upstream relation inside a template: compiles to its quoted name and records the dependency. */
export function ref(relation: Relation): SqlTemplate {
  return sql.table(relation.name)
}

/** Text that is SQL already (a rule predicate, a read_csv call): spliced in as it is. */
export const raw = (text: string): SqlTemplate => sql.raw(text)

/** Every relation a template names through ref(), in first-use order. */
export function referencedRelations(template: SqlTemplate): string[] {
  const found = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const n = node as { kind?: string; table?: { identifier?: { name?: string } } }
    if (n.kind === 'TableNode' && n.table?.identifier?.name) found.add(n.table.identifier.name)
    for (const v of Object.values(node)) walk(v)
  }
  walk(template.toOperationNode())
  return [...found]
}

/** SQL text of a template, values inlined (view definitions carry no bind parameters). */
export function compileTemplate(template: SqlTemplate): string {
  return toSql({ compile: () => template.compile(qb) })
}
