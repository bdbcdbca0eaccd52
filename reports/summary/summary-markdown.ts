/** public/summary.md: the same numbers as summary.json, as tables a press officer can paste. */
import {
  PEOPLE_MEASURES,
  type AreaSummary,
  type Summary,
} from '../../data-contracts/outputs/summary.contract.ts'

import { escapeMarkdown } from './markdown-escape.ts'

const WITHHELD = 'n/s'
type Num = (n: number | null, id: string) => string
/** A published number; ≈ marks one rounded by the suppression (its area|kind|item id is in `rounded`). */
const numberFormat =
  (rounded: ReadonlySet<string>): Num =>
  (n, id) =>
    n === null ? WITHHELD : `${rounded.has(id) ? '≈' : ''}${n.toLocaleString('en-US')}`
const label = (key: string) => key.replaceAll('_', ' ')

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

function convictionRow(
  num: Num,
  a: AreaSummary,
  area: string,
  determinations: string[],
  reliefs: string[],
): string[] {
  return [
    escapeMarkdown(a.county),
    num(a.convictions.total, `${area}|all`),
    ...determinations.map((d) =>
      num(a.convictions.by_determination[d] ?? null, `${area}|determination|${d}`),
    ),
    ...reliefs.map((r) => num(a.convictions.by_relief[r] ?? null, `${area}|relief|${r}`)),
  ]
}

export function summaryMarkdown(s: Summary): string {
  const determinations = Object.keys(s.statewide.convictions.by_determination)
  const reliefs = Object.keys(s.statewide.convictions.by_relief)
  const all = [s.statewide, ...s.counties]
  const areaOf = (a: AreaSummary) => (a === s.statewide ? 'statewide' : a.county)
  const num = numberFormat(new Set(s.suppression.rounded))
  const lines = [
    `# ${s.title}`,
    '',
    `Run \`${s.run_id}\`, as of ${s.as_of}, policy \`${s.policy}\`, scope: ${s.scope}. ${s.tool.name} ${s.tool.version}.`,
    '',
    `${WITHHELD} = not shown (null in summary.json). A number describing fewer than ${s.suppression.min_cell} people is withheld, and so is any number from which such a number could be worked out by subtraction; zeros are shown. ${s.suppression.withheld_cells} cell(s) withheld. ≈ = rounded to the nearest 10 so that a withheld number beside it cannot be worked out (${s.suppression.rounded_cells} cell(s)); a number of 100 people or more is rounded, never withheld.`,
    '',
    '## People',
    '',
    table(
      ['Area', ...PEOPLE_MEASURES.map(label)],
      all.map((a) => [
        escapeMarkdown(a.county),
        ...PEOPLE_MEASURES.map((m) => num(a.people[m], `${areaOf(a)}|people|${m}`)),
      ]),
    ),
    '',
    '## Convictions by determination and by relief',
    '',
    table(
      ['Area', 'convictions', ...determinations.map(label), ...reliefs.map((r) => `relief: ${label(r)}`)],
      all.map((a) => convictionRow(num, a, areaOf(a), determinations, reliefs)),
    ),
    '',
    '## Definitions',
    '',
    ...Object.entries(s.definitions).map(([k, v]) => `- **${label(k)}**: ${v}`),
    '',
    `Every number above was computed in SQL from \`count_determinations\` and the intermediate tables of run \`${s.run_id}\`.`,
    '',
  ]
  return lines.join('\n')
}
