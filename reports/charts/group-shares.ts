/** Each group's share of relief beside its share of the people in scope and (race only) of the adult population. */
import * as Plot from '@observablehq/plot'
import { vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { SHARE_COLOR } from './palette.ts'
import { DIMENSIONS, fmtPct, type Dimension } from './labels.ts'
import type { DisparityRow } from '../report/disparity.ts'

const MEASURES = [
  {
    key: 'share_population',
    label: 'Share of adult population (2020 Census)',
    color: SHARE_COLOR.population,
  },
  { key: 'share_in_scope', label: 'Share of those with an in-scope conviction', color: SHARE_COLOR.in_scope },
  { key: 'share_relief', label: 'Share of those granted relief', color: SHARE_COLOR.relief },
] as const

export function groupShares(
  rows: readonly DisparityRow[],
  dimension: Dimension,
  ctx: ChartContext,
): ChartDef {
  const spec = DIMENSIONS[dimension]
  const measures = MEASURES.filter((m) => dimension === 'race_group' || m.key !== 'share_population')
  const unit = spec.unit === 'people' ? 'people' : 'convictions'
  const labels = measures.map((m) => m.label.replace('those', unit))
  const groups = rows.map((r) => spec.label(r.group))
  const data = rows.flatMap((r) =>
    measures.map((m, i) => ({ group: spec.label(r.group), measure: labels[i]!, share: r[m.key] })),
  )
  const shown = data.filter((d) => d.share != null)
  const withheld = rows.filter((r) => r.share_relief == null || r.share_in_scope == null).length
  const title = `Shares of relief and of ${dimension === 'race_group' ? 'population' : 'convictions in scope'}, by ${spec.noun}`
  const subtitle =
    dimension === 'race_group'
      ? 'A group whose dark bar is longer than its grey bar received more of the relief than its share of the adult population.'
      : `A group whose dark bar is longer than its blue bar got relief more often than the ${unit} in scope overall.`
  const note = withheld
    ? `${withheld} groups have a share withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  return {
    name: `shares-by-${dimension.replace('_', '-')}`,
    title,
    subtitle,
    note,
    empty: shown.length === 0,
    description: `Grouped horizontal bars per ${spec.noun} group: ${labels.join('; ')}, in per cent.`,
    legend: { items: measures.map((m, i) => ({ label: labels[i]!, color: m.color })) },
    plot: {
      height: 40 + groups.length * (measures.length * 14 + 14),
      marginLeft: 210,
      marginRight: 50,
      x: {
        label: 'Share (%)',
        tickFormat: '.0%',
        grid: true,
        domain: [0, Math.max(0.05, ...shown.map((d) => d.share!)) * 1.08],
      },
      y: { domain: labels, axis: null },
      fy: { domain: groups, label: null, padding: 0.15 },
      color: { domain: labels, range: measures.map((m) => m.color) },
      marks: [
        Plot.barX(shown, {
          x: 'share',
          y: 'measure',
          fy: 'group',
          fill: 'measure',
          stroke: '#777777',
          strokeWidth: 0.3,
          title: (d) => `${d.group}: ${d.measure} ${fmtPct(d.share)}`,
        }),
        Plot.text(shown, {
          x: 'share',
          y: 'measure',
          fy: 'group',
          text: (d) => fmtPct(d.share),
          textAnchor: 'start',
          dx: 3,
          fontSize: 9,
          fill: '#333',
        }),
        Plot.axisFy({ anchor: 'left', label: null, tickSize: 0 }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 480,
      data: { values: shown },
      mark: 'bar',
      encoding: {
        y: { field: 'group', type: 'nominal', sort: groups, title: null },
        yOffset: { field: 'measure', sort: labels },
        x: { field: 'share', type: 'quantitative', title: 'Share (%)', axis: { format: '.0%' } },
        color: {
          field: 'measure',
          type: 'nominal',
          title: null,
          scale: { domain: labels, range: measures.map((m) => m.color) },
        },
        tooltip: [{ field: 'group' }, { field: 'measure' }, { field: 'share', format: '.1%' }],
      },
    },
  }
}
