/**
 * The text of `relief explain`: one person's counts, each with both layers: the statute rules that held (in
 * precedence order), then what the run's DA policy asked for and whether it changed the statute outcome.
 * Pure: mart rows in, text out.
 */
import type { ExplainCountRow, ExplainSubjectRow } from '../../data-contracts/outputs/explain.contract.ts'
import { AUMA_EFFECTIVE_DATE } from '../../data-contracts/prop64-dates.ts'
import { STATUTE_RULES } from '../../sql/rules/statute/registry.ts'
import { COUNT_RULE_DEFS, RELATED_RULE_DEFS } from '../../sql/rules/policy/registry.ts'

type Row = ExplainCountRow

const POLICY_DEFS = new Map([...COUNT_RULE_DEFS, ...RELATED_RULE_DEFS].map((d) => [d.id, d]))

export function explainText(
  subject: string,
  person: ExplainSubjectRow,
  rows: readonly ExplainCountRow[],
  policy: string,
): string {
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
        `  offense ${r.offense_date ?? '?'}  age at offense ${r.age_at_offense ?? '?'}${ageSource(r)}`,
      ...(r.charged_code_section
        ? [`  charged as ${r.charged_code_section}; convicted of ${r.code_section} (the conviction decides)`]
        : []),
      ...(r.qualifiers ? [`  qualifiers: ${r.qualifiers}`] : []),
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
      `  remedy: ${r.remedy}${r.reduced_level ? ` (redesignate as ${article(r.reduced_level)})` : ''}`,
      `  reduced_level: ${r.reduced_level ?? '-'}`,
    )
  }
  return lines.join('\n') + '\n'
}

/** Where the age came from, when it is not the date of birth. */
const ageSource = (r: Row): string =>
  r.age_source === 'cyc_age'
    ? ' (from CYC_AGE: DOB missing or unusable)'
    : r.age_source
      ? ` (from ${r.age_source.toUpperCase()})`
      : ''

const article = (level: string) => `${/^[aeiou]/.test(level) ? 'an' : 'a'} ${level}`

function policyLines(r: Row): string[] {
  const head = `  policy layer (${r.policy}):`
  if (!r.is_related && !r.policy_reach)
    return [
      `${head} out of its reach (offense on or after ${AUMA_EFFECTIVE_DATE}, unknown timing, or not HS 11357–11360)`,
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
