/** `relief explain`: one person's in-scope counts, each with the rules that held, in precedence order. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDb, lit } from '../lib/duckdb.ts'
import { outPaths } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { STATUTE_RULES } from '../../sql/rules/statute/registry.ts'

interface Row {
  cnt_order: string
  county: string
  court: string
  case_number: string
  conviction_date: string
  offense_date: string | null
  code_section: string
  conviction_level: string
  age_at_offense: number | null
  statute_determination: string
  determination: string
  layer: string
  rule_id: string
  citation: string
  reason: string
  remedy: string
  statute_rule_id: string
  rule_trail: string
  sentence_end_date: string | null
  same_section_priors: number
  prior_superstrike_sections: string
  prior_pc290_sections: string
}

export async function explainSubject(out: string, subject: string): Promise<string> {
  const dbPath = outPaths(resolve(out)).db
  if (!existsSync(dbPath))
    throw new UserError(`${out}: no relief.duckdb here; run \`relief run --out ${out}\` first`)
  const db = await openDb(dbPath)
  try {
    const rows = await db.rows<Row>(
      `select * from count_determinations where subject_id = ${lit(subject)} order by cnt_order`,
    )
    const [person] = await db.rows<{ dob: string | null; dob_status: string; deceased: boolean }>(
      `select dob, dob_status, deceased from int_subjects where subject_id = ${lit(subject)}`,
    )
    if (!person) throw new UserError(`subject ${subject}: not in this run`)
    const byId = new Map(STATUTE_RULES.map((r) => [r.id, r]))
    const lines = [
      `Subject ${subject}: DOB ${person.dob ?? `(${person.dob_status})`}${person.deceased ? ', deceased' : ''}; ${rows.length} in-scope count(s)`,
    ]
    if (rows.length === 0) lines.push('  No conviction under HS 11357–11360 or 11362.1–11362.4 in this run.')
    for (const r of rows) {
      lines.push(
        '',
        `Count ${r.cnt_order}  ${r.code_section} ${r.conviction_level}  convicted ${r.conviction_date ?? '?'}` +
          `  offense ${r.offense_date ?? '?'}  age at offense ${r.age_at_offense ?? '?'}`,
        `  court ${r.court ?? '?'} (${r.county ?? '?'}), case ${r.case_number ?? '?'}` +
          `${r.sentence_end_date ? `, sentence ends ${r.sentence_end_date}` : ''}`,
        `  facts: same-section priors ${r.same_section_priors}; prior super-strikes [${r.prior_superstrike_sections}]; prior PC 290(c) [${r.prior_pc290_sections}]`,
        `  statute layer: ${r.statute_determination.toUpperCase()} by ${r.statute_rule_id}`,
      )
      const trail = r.rule_trail ? r.rule_trail.split(' > ') : []
      trail.forEach((id, i) => {
        const rule = byId.get(id)
        const mark = i === 0 ? 'decides' : 'also holds, outranked'
        lines.push(`    ${i + 1}. ${id} (${mark}) -> ${rule?.outcome ?? '?'} [${rule?.citation ?? ''}]`)
        if (i === 0) lines.push(`       ${rule?.reason ?? r.reason}`)
      })
      lines.push(
        `  final: ${r.determination.toUpperCase()} (${r.layer} layer, ${r.rule_id}; ${r.citation})`,
        `         ${r.reason}`,
        `  remedy: ${r.remedy}`,
      )
    }
    return lines.join('\n') + '\n'
  } finally {
    db.close()
  }
}
