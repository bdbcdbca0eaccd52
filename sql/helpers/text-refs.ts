/**
 * SQL text built elsewhere (the court record-lines SELECT of pipelines/reconcile, another model's shared SELECT
 * builder) that names upstream relations by hand. Each whole-word use of a given relation's name in code (not in
 * a comment or a string literal) becomes ref(relation), so the relation is declared like any template's.
 */
import { sql } from 'kysely'
import { raw, ref, type Relation, type SqlTemplate } from './model-sql.ts'

const COMMENT_OR_STRING = /--[^\n]*|'(?:[^']|'')*'/g

export function withRefs(text: string, relations: readonly Relation[]): SqlTemplate {
  if (relations.length === 0) return raw(text)
  const byName = new Map(relations.map((r) => [r.name, r]))
  const names = new RegExp(`(?<![.\\w])(${[...byName.keys()].join('|')})\\b`, 'g')
  const parts: SqlTemplate[] = []
  let code = ''
  const flushCode = () => {
    let last = 0
    for (const m of code.matchAll(names)) {
      parts.push(raw(code.slice(last, m.index)), ref(byName.get(m[1]!)!))
      last = m.index + m[0].length
    }
    parts.push(raw(code.slice(last)))
    code = ''
  }
  let last = 0
  for (const m of text.matchAll(COMMENT_OR_STRING)) {
    code += text.slice(last, m.index)
    flushCode()
    parts.push(raw(m[0]))
    last = m.index + m[0].length
  }
  code += text.slice(last)
  flushCode()
  return sql.join(parts, sql``)
}
