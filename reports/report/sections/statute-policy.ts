/** Statute alone vs the final determination with a DA policy, by race and ethnicity, gender and age band. */
import type { LayerRow, ScenarioRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, byOrder, fmtInt, type Dimension } from '../../charts/labels.ts'
import { layerCompare } from '../../charts/layer-compare.ts'
import { scenarioCompare } from '../../charts/scenario-compare.ts'
import { COMPARE_MART } from '../public-marts.ts'
import { details, esc, num, table, txt, type CellValue } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'

export function statutePolicySection(data: ReportData): Section {
  const base = { id: 'statute-policy', title: 'Statute vs policy' }
  const compare = data.marts.has(COMPARE_MART.name) ? scenarioParts(data) : []
  if (data.policy === 'statute')
    return {
      ...base,
      parts: [
        `<p>This run applied the statute alone (policy "statute"), so its final determination is the statute's. Run with <code>--policy &lt;preset or file&gt;</code> to see what a District Attorney's policy adds${compare.length ? '' : ', or use <code>relief compare</code> to set several presets side by side'}.</p>`,
        ...compare,
      ],
    }
  return { ...base, parts: [...layerParts(data), ...compare] }
}

/** relief compare output in the run folder: relief by scenario and race group. */
function scenarioParts(data: ReportData): Section['parts'] {
  const rows = martRows<ScenarioRow>(data, COMPARE_MART.name)
  const scenarios = [...new Set(rows.map((r) => r.scenario))]
  const race = DIMENSIONS.race_group
  const groups = [...new Set(rows.map((r) => r.race_group))].sort((a, b) =>
    a === 'all' ? -1 : b === 'all' ? 1 : byOrder(race.order)(a, b),
  )
  const value = (s: string, g: string, o: string): CellValue => {
    const c = rows.find((r) => r.scenario === s && r.race_group === g && r.outcome === o)
    return c ? num(c.counts, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
  }
  return [
    `<h3>Scenarios from <code>relief compare</code></h3><p>compare.csv in this folder holds the same extract decided under ${scenarios.length} policies (${esc(scenarios.join(', '))}), over one ingest. Prop 64 convictions only; related charges are left out.</p>`,
    scenarioCompare(martTable(data, COMPARE_MART.name), data.ctx),
    details(
      'Table: convictions by scenario, race and ethnicity, and determination',
      table({
        head: ['Scenario', 'Group', 'Dismiss', 'Reduce', 'Granted relief', 'Review', 'Not eligible', 'All'],
        rows: scenarios.flatMap((s) =>
          groups.map((g) => [
            txt(s),
            txt(g === 'all' ? 'Everyone' : race.label(g)),
            ...['dismiss', 'reduce', 'relief', 'review', 'not_eligible', 'all'].map((o) => value(s, g, o)),
          ]),
        ),
        totalRows: scenarios.map((_, i) => i * groups.length),
      }) +
        `<p class="note">${esc(withheldNote(data.minCell))} compare.csv gives people per fine cell only, so a figure here is shown only when one of the cells it sums reaches the threshold on its own.</p>`,
    ),
  ]
}

function layerParts(data: ReportData): Section['parts'] {
  const all = martRows<LayerRow>(data, 'mart_relief_by_layer')
  const rows = all.filter((r) => r.charge_kind === 'prop64')
  const related = all.filter(
    (r) =>
      r.charge_kind === 'related' &&
      r.layer === 'final' &&
      r.race_group === 'all' &&
      r.gender === 'all' &&
      r.age_band === 'all',
  )
  const dims: Dimension[] = ['race_group', 'gender', 'age_band']
  const parts: Section['parts'] = [
    `<p>The statute decides who <i>may</i> get relief; the District Attorney's policy "${esc(data.policy)}" decided who does in this run. Each conviction carries both: <code>statute_determination</code> (HS 11361.8 alone) and <code>determination</code> (with the policy). A policy can dismiss what the statute would only reduce, reach related charges, or challenge a conviction the statute would relieve; it never silently turns a statute "not eligible" into relief without its own rule id.</p>`,
    layerCompare(martTable(data, 'mart_relief_by_layer'), data.policy, data.ctx),
  ]
  for (const dimension of dims) {
    const spec = DIMENSIONS[dimension]
    const others = dims.filter((d) => d !== dimension)
    const margin = rows.filter((r) => others.every((d) => r[d] === 'all'))
    const groups = [...new Set(margin.map((r) => r[dimension]))].sort((a, b) =>
      a === 'all' ? -1 : b === 'all' ? 1 : byOrder(spec.order)(a, b),
    )
    const get = (g: string, layer: string, o: string) =>
      margin.find((r) => r[dimension] === g && r.layer === layer && r.outcome === o)
    const value = (g: string, layer: string, o: string): CellValue => {
      const c = get(g, layer, o)
      return c ? num(c.counts, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
    }
    const change = (g: string, o: string): CellValue => {
      const a = get(g, 'statute', o)
      const b = get(g, 'final', o)
      if (a?.suppressed || b?.suppressed) return num(null, fmtInt)
      const d = (b?.counts ?? 0) - (a?.counts ?? 0)
      return { text: `${d > 0 ? '+' : ''}${fmtInt(d)}`, numeric: true }
    }
    parts.push(
      details(
        `Table: what each layer grants, by ${spec.noun}`,
        table({
          head: [
            'Group',
            'Dismiss: statute',
            'Dismiss: with policy',
            'Relief: statute',
            'Relief: with policy',
            'Change in relief',
            'Not eligible: statute',
            'Not eligible: with policy',
          ],
          rows: groups.map((g) => [
            txt(g === 'all' ? 'Everyone' : spec.label(g)),
            value(g, 'statute', 'dismiss'),
            value(g, 'final', 'dismiss'),
            value(g, 'statute', 'relief'),
            value(g, 'final', 'relief'),
            change(g, 'relief'),
            value(g, 'statute', 'not_eligible'),
            value(g, 'final', 'not_eligible'),
          ]),
          totalRows: [0],
        }),
        dimension === 'race_group',
      ),
    )
  }
  const relatedAll = related.find((r) => r.outcome === 'all')
  if (relatedAll) {
    const d = related.find((r) => r.outcome === 'dismiss')
    const n = (r: LayerRow | undefined) => (r?.suppressed ? '(s)' : fmtInt(r?.counts ?? 0))
    parts.push(
      `<p>The policy also reaches <b>${n(relatedAll)}</b> related convictions (other charges in the same arrest cycle, such as HS 11364 or PC 148), of which <b>${n(d)}</b> are dismissed. They are not Prop 64 convictions and are counted apart from every other figure in this report.</p>`,
    )
  }
  if (all.some((r) => r.suppressed)) parts.push(`<p class="note">${esc(withheldNote(data.minCell))}</p>`)
  return parts
}
