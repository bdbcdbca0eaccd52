/** Statewide totals per policy scenario, stacked by determination. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR, DETERMINATION_LABEL, DETERMINATION_ORDER } from './palette.ts'
import type { ScenarioRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'
import {
  determinationScales,
  stackedDeterminationSpec,
  WITHHELD,
  WITHHELD_ITEM,
  withheldSegments,
} from './withheld.ts'

export function scenarioTotals(table: Table, ctx: ChartContext): ChartDef {
  const totals = rowsOf<ScenarioRow>(table).filter((r) => r.race_group === 'all')
  const rows = totals.filter((r) => (DETERMINATION_ORDER as readonly string[]).includes(r.outcome))
  const scenarios = [...new Set(rows.map((r) => r.scenario))]
  const gaps = withheldSegments(totals, (r) => r.scenario, DETERMINATION_ORDER)
  const data = [
    ...rows
      .filter((r) => !r.suppressed && (r.counts ?? 0) > 0)
      .map((r) => ({ scenario: r.scenario, outcome: r.outcome, counts: r.counts })),
    ...gaps.map((g) => ({ scenario: g.key, outcome: WITHHELD, counts: g.counts })),
  ]
  const title = 'Every Prop 64 conviction under each policy, by determination'
  const subtitle = 'One bar per scenario: the same convictions, decided under each preset applied statewide.'
  const note = rows.some((r) => r.suppressed)
    ? `Some cells withheld (fewer than ${ctx.minCell} people, or would reveal such a cell); drawn together, hatched.`
    : undefined
  const { domain, colors, vlColors } = determinationScales()
  return {
    name: 'scenario-totals',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Horizontal stacked bars, one per policy scenario, split into dismiss, reduce, review and not eligible.',
    legend: {
      items: [
        ...DETERMINATION_ORDER.map((d) => ({ label: DETERMINATION_LABEL[d], color: DETERMINATION_COLOR[d] })),
        ...(gaps.length ? [WITHHELD_ITEM] : []),
      ],
    },
    plot: {
      height: 60 + 30 * scenarios.length,
      marginLeft: 140,
      x: { label: 'Convictions (count)', grid: true, tickFormat: countTick },
      y: { domain: scenarios, label: null, tickSize: 0 },
      color: { domain, range: colors },
      marks: [
        Plot.barX(data, {
          x: 'counts',
          y: 'scenario',
          fill: 'outcome',
          order: domain,
          title: (d) => `${d.scenario}, ${d.outcome}: ${fmtInt(d.counts)}`,
        }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      ...stackedDeterminationSpec({
        width: 520,
        data,
        domain,
        vlColors,
        y: { field: 'scenario', sort: scenarios, title: null },
        tooltip: [{ field: 'scenario' }, { field: 'outcome' }, { field: 'counts' }],
      }),
    },
  }
}
