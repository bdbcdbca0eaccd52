/** `relief compare` scenarios side by side: convictions dismissed and reduced under each policy, by race group. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR, DETERMINATION_LABEL } from './palette.ts'
import type { ScenarioRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, byOrder, fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'

const PARTS = ['dismiss', 'reduce'] as const

export function scenarioCompare(table: Table, ctx: ChartContext): ChartDef {
  const race = DIMENSIONS.race_group
  const rows = rowsOf<ScenarioRow>(table)
  const scenarios = [...new Set(rows.map((r) => r.scenario))]
  const groupOf = (g: string) => (g === 'all' ? 'Everyone' : race.label(g))
  const groups = [...new Set(rows.map((r) => r.race_group))]
    .sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : byOrder(race.order)(a, b)))
    .map(groupOf)
  const cells = rows.filter((r) => (PARTS as readonly string[]).includes(r.outcome))
  const data = cells
    .filter((r) => !r.suppressed && (r.counts ?? 0) > 0)
    .map((r) => ({
      scenario: r.scenario,
      group: groupOf(r.race_group),
      outcome: r.outcome,
      counts: r.counts,
    }))
  const withheld = cells.filter((r) => r.suppressed).length
  const title =
    'What if every county followed each policy? Convictions dismissed and reduced, by race and ethnicity'
  const subtitle = `Scenarios from relief compare: ${scenarios.join(', ')}. Dark: dismissed; mid blue: reduced.`
  const note = withheld
    ? `${withheld} cells withheld (compare.csv gives people per fine cell only, so a cell is shown only when one of its fine cells alone reaches ${ctx.minCell} people).`
    : undefined
  const colors = PARTS.map((p) => DETERMINATION_COLOR[p])
  return {
    name: 'scenario-compare',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Stacked horizontal bars, one per policy scenario within each race and ethnicity group: convictions dismissed, then reduced.',
    legend: { items: PARTS.map((p) => ({ label: DETERMINATION_LABEL[p], color: DETERMINATION_COLOR[p] })) },
    plot: {
      height: 50 + groups.length * (scenarios.length * 16 + 16),
      marginLeft: 210,
      marginRight: 130,
      x: { label: 'Convictions (count)', grid: true, tickFormat: countTick },
      y: { domain: scenarios, label: null, tickSize: 0, axis: 'right' },
      fy: { domain: groups, label: null, padding: 0.2 },
      color: { domain: [...PARTS], range: colors },
      marks: [
        Plot.barX(data, {
          x: 'counts',
          y: 'scenario',
          fy: 'group',
          fill: 'outcome',
          order: [...PARTS],
          title: (d) => `${d.group}, ${d.scenario}, ${d.outcome}: ${fmtInt(d.counts)}`,
        }),
        Plot.axisFy({ anchor: 'left', label: null, tickSize: 0 }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 480,
      data: { values: data },
      transform: [{ calculate: `indexof(${JSON.stringify(PARTS)}, datum.outcome)`, as: 'stack_order' }],
      mark: 'bar',
      encoding: {
        y: { field: 'group', type: 'nominal', sort: groups, title: null },
        yOffset: { field: 'scenario', sort: scenarios },
        x: { field: 'counts', type: 'quantitative', title: 'Convictions (count)', stack: 'zero' },
        color: {
          field: 'outcome',
          type: 'nominal',
          scale: { domain: [...PARTS], range: colors },
          title: null,
        },
        order: { field: 'stack_order', type: 'quantitative' },
        tooltip: [{ field: 'group' }, { field: 'scenario' }, { field: 'outcome' }, { field: 'counts' }],
      },
    },
  }
}
