/** What the statute alone grants beside what the run decided with the DA policy, by race and ethnicity. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { LAYER_COLOR } from './palette.ts'
import type { LayerRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, byOrder, fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'

const OUTCOMES = [
  { key: 'dismiss', label: 'Dismissed' },
  { key: 'relief', label: 'Dismissed or reduced' },
] as const

export function layerCompare(table: Table, policy: string, ctx: ChartContext): ChartDef {
  const race = DIMENSIONS.race_group
  const layerLabel = { statute: 'Statute alone', final: `With policy "${policy}"` }
  const cells = rowsOf<LayerRow>(table).filter(
    (r) =>
      r.charge_kind === 'prop64' &&
      r.gender === 'all' &&
      r.age_band === 'all' &&
      OUTCOMES.some((o) => o.key === r.outcome),
  )
  const groups = [...new Set(cells.map((r) => r.race_group))]
    .sort((a, b) => (a === 'all' ? -1 : b === 'all' ? 1 : byOrder(race.order)(a, b)))
    .map((g) => (g === 'all' ? 'Everyone' : race.label(g)))
  const data = cells
    .filter((r) => !r.suppressed)
    .map((r) => ({
      group: r.race_group === 'all' ? 'Everyone' : race.label(r.race_group),
      layer: layerLabel[r.layer],
      outcome: OUTCOMES.find((o) => o.key === r.outcome)!.label,
      counts: r.counts,
    }))
  const withheld = cells.filter((r) => r.suppressed).length
  const layers = [layerLabel.statute, layerLabel.final]
  const title = 'Statute alone vs with the DA policy: convictions granted relief, by race and ethnicity'
  const subtitle =
    'Left: dismissed. Right: dismissed or reduced. Light bar: what the statute alone grants; dark bar: with the policy.'
  const note = withheld
    ? `${withheld} cells withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  return {
    name: 'statute-vs-policy',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Paired horizontal bars per race and ethnicity group, in two panels (dismissed; dismissed or reduced): statute alone against the final determination with the DA policy.',
    legend: {
      items: [
        { label: layers[0]!, color: LAYER_COLOR.statute },
        { label: layers[1]!, color: LAYER_COLOR.final },
      ],
    },
    plot: {
      height: 60 + groups.length * 34,
      marginLeft: 210,
      marginRight: 20,
      x: { label: 'Convictions (count)', grid: true, tickFormat: countTick },
      y: { domain: layers, axis: null },
      fy: { domain: groups, label: null, padding: 0.2 },
      fx: { domain: OUTCOMES.map((o) => o.label), label: null },
      color: { domain: layers, range: [LAYER_COLOR.statute, LAYER_COLOR.final] },
      marks: [
        Plot.barX(data, {
          x: 'counts',
          y: 'layer',
          fy: 'group',
          fx: 'outcome',
          fill: 'layer',
          title: (d) => `${d.group}, ${d.outcome}, ${d.layer}: ${fmtInt(d.counts)}`,
        }),
        Plot.axisFy({ anchor: 'left', label: null, tickSize: 0 }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      data: { values: data },
      facet: { column: { field: 'outcome', title: null, sort: OUTCOMES.map((o) => o.label) } },
      spec: {
        width: 260,
        mark: 'bar',
        encoding: {
          y: { field: 'group', type: 'nominal', sort: groups, title: null },
          yOffset: { field: 'layer', sort: layers },
          x: { field: 'counts', type: 'quantitative', title: 'Convictions (count)' },
          color: {
            field: 'layer',
            type: 'nominal',
            title: null,
            scale: { domain: layers, range: [LAYER_COLOR.statute, LAYER_COLOR.final] },
          },
          tooltip: [{ field: 'group' }, { field: 'layer' }, { field: 'outcome' }, { field: 'counts' }],
        },
      },
      resolve: { scale: { x: 'independent' } },
    },
  }
}
