/**
 * `relief explain`: one person's counts, each with both layers: the statute rules that held (in precedence
 * order), then what the run's DA policy asked for and whether it changed the statute outcome.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDb } from '../lib/duckdb.ts'
import { lit } from '../../sql/helpers/quote.ts'
import { outPaths } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { STATUTE_RULES } from '../../sql/rules/statute/registry.ts'
import { COUNT_RULE_DEFS, RELATED_RULE_DEFS } from '../../sql/rules/policy/registry.ts'

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
  same_section_priors: number | null
  prior_superstrike_sections: string | null
  prior_pc290_sections: string | null
  policy: string
  is_related: boolean
  policy_reach: boolean | null
  policy_outcome: string | null
  policy_rule_id: string | null
  policy_citation: string | null
  policy_trail: string
}

const POLICY_DEFS = new Map([...COUNT_RULE_DEFS, ...RELATED_RULE_DEFS].map((d) => [d.id, d]))

export async function explainSubject(out: string, subject: string): Promise<string> {
  const dbPath = outPaths(resolve(out)).db
  if (!existsSync(dbPath))
    throw new UserError(`${out}: no relief.duckdb here; run \`relief run --out ${out}\` first`)
  const db = await openDb(dbPath)
  try {
    const rows = await db.rows<Row>(
      `select c.*, p.is_related, p.policy_reach, p.policy_outcome, p.policy_rule_id, p.policy_citation,
         array_to_string(p.policy_rule_trail, ' > ') as policy_trail
       from count_determinations c
       join elig_policy_determinations p using (subject_id, cnt_order)
       where c.subject_id = ${lit(subject)} order by c.cnt_order`,
    )
    const [person] = await db.rows<{ dob: string | null; dob_status: string; deceased: boolean }>(
      `select dob, dob_status, deceased from int_subjects where subject_id = ${lit(subject)}`,
    )
    if (!person) throw new UserError(`subject ${subject}: not in this run`)
    const policy = (await db.scalar<string>(`select policy_name from run_params`)) ?? 'statute'
    const byId = new Map(STATUTE_RULES.map((r) => [r.id, r]))
    const lines = [
      `Subject ${subject}: DOB ${person.dob ?? `(${person.dob_status})`}${person.deceased ? ', deceased' : ''}; ` +
        `${rows.length} count(s) decided; policy ${policy}`,
    ]
    if (rows.length === 0) lines.push('  No conviction under HS 11357–11360 or 11362.1–11362.4 in this run.')
    for (const r of rows) {
      lines.push(
        '',
        `Count ${r.cnt_order}  ${r.code_section} ${r.conviction_level}  convicted ${r.conviction_date ?? '?'}` +
          `  offense ${r.offense_date ?? '?'}  age at offense ${r.age_at_offense ?? '?'}`,
        `  court ${r.court ?? '?'} (${r.county ?? '?'}), case ${r.case_number ?? '?'}` +
          `${r.sentence_end_date ? `, sentence ends ${r.sentence_end_date}` : ''}`,
      )
      if (r.is_related) {
        lines.push(
          `  statute layer: NOT_ELIGIBLE — out of statute scope (HS 11361.8 does not reach ${r.code_section})`,
        )
      } else {
        lines.push(
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
      }
      lines.push(...policyLines(r))
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

function policyLines(r: Row): string[] {
  const head = `  policy layer (${r.policy}):`
  if (!r.is_related && !r.policy_reach)
    return [
      `${head} out of its reach (offense on or after 2016-11-09, unknown timing, or not HS 11357–11360)`,
    ]
  const trail = r.policy_trail ? r.policy_trail.split(' > ') : []
  if (trail.length === 0) return [`${head} no policy rule holds; the statute outcome stands`]
  const effect =
    r.layer === 'policy'
      ? `changes the statute outcome ${r.statute_determination} to ${r.determination}`
      : `does not change the statute outcome (${r.statute_determination})`
  return [
    `${head} asks for ${r.policy_outcome?.toUpperCase()} by ${r.policy_rule_id}; ${effect}`,
    ...trail.map((id, i) => {
      const def = POLICY_DEFS.get(id)
      return `    ${i + 1}. ${id} (${i === 0 ? 'decides' : 'also holds, outranked'}) -> ${def?.outcome ?? '?'}: ${def?.meaning ?? ''}`
    }),
    `       [${r.policy_citation}]`,
  ]
}
