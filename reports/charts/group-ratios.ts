/** Disparity ratios per group, with the line of parity at 1. */
import * as Plot from '@observablehq/plot'
import { vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { SHARE_COLOR } from './palette.ts'
import { DIMENSIONS, fmtRatio, type Dimension } from './labels.ts'
import type { DisparityRow } from '../report/disparity.ts'

export function groupRatios(
  rows: readonly DisparityRow[],
  dimension: Dimension,
  ctx: ChartContext,
): ChartDef {
  const spec = DIMENSIONS[dimension]
  const unit = spec.unit === 'people' ? 'people' : 'convictions'
  const measures =
    dimension === 'race_group'
      ? [
          {
            key: 'ratio_to_population',
            label: 'Share of relief ÷ share of adult population',
            color: SHARE_COLOR.relief,
            symbol: 'circle',
          },
          {
            key: 'rate_ratio_to_reference',
            label: 'Relief per 100,000 adults ÷ rate of white, not Hispanic',
            color: SHARE_COLOR.in_scope,
            symbol: 'square',
          },
          {
            key: 'ratio_to_in_scope',
            label: `Share of relief ÷ share of ${unit} in scope`,
            color: '#7f7f7f',
            symbol: 'triangle',
          },
        ]
      : [
          {
            key: 'ratio_to_in_scope',
            label: `Share of relief ÷ share of ${unit} in scope`,
            color: SHARE_COLOR.relief,
            symbol: 'circle',
          },
        ]
  const groups = rows.map((r) => spec.label(r.group))
  const data = rows.flatMap((r) =>
    measures.map((m) => ({
      group: spec.label(r.group),
      measure: m.label,
      ratio: r[m.key as keyof DisparityRow] as number | null,
    })),
  )
  const shown = data.filter((d) => d.ratio != null && Number.isFinite(d.ratio))
  const withheld = data.length - shown.length
  const max = Math.max(2, ...shown.map((d) => d.ratio!))
  const title = `Disparity ratios by ${spec.noun}`
  const subtitle = 'At 1 a group gets relief in proportion; above 1, more than its share; below 1, less.'
  const note = withheld
    ? `${withheld} ratios not shown: built on a withheld cell, or no population figure for the group.`
    : undefined
  return {
    name: `ratios-by-${dimension.replace('_', '-')}`,
    title,
    subtitle,
    note,
    empty: shown.length === 0,
    description: `Dot plot per ${spec.noun} group of: ${measures.map((m) => m.label).join('; ')}. A vertical line marks parity (1).`,
    legend: { items: measures.map((m) => ({ label: m.label, color: m.color })) },
    plot: {
      height: 50 + 30 * groups.length,
      marginLeft: 210,
      marginRight: 40,
      x: { label: 'Ratio (1 = parity)', domain: [0, Math.ceil(max * 1.1)], grid: true },
      y: { domain: groups, label: null, tickSize: 0 },
      color: { domain: measures.map((m) => m.label), range: measures.map((m) => m.color) },
      symbol: { domain: measures.map((m) => m.label), range: measures.map((m) => m.symbol) },
      marks: [
        Plot.ruleX([1], { stroke: '#333', strokeDasharray: '4 3' }),
        Plot.dot(shown, {
          x: 'ratio',
          y: 'group',
          fill: 'measure',
          symbol: 'measure',
          stroke: '#333',
          strokeWidth: 0.5,
          r: 5,
          title: (d) => `${d.group}: ${d.measure} = ${fmtRatio(d.ratio)}`,
        }),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 480,
      layer: [
        {
          data: { values: [{ parity: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 3] },
          encoding: { x: { field: 'parity', type: 'quantitative' } },
        },
        {
          data: { values: shown },
          mark: { type: 'point', filled: true, size: 80, stroke: '#333', strokeWidth: 0.5 },
          encoding: {
            y: { field: 'group', type: 'nominal', sort: groups, title: null },
            x: { field: 'ratio', type: 'quantitative', title: 'Ratio (1 = parity)' },
            color: {
              field: 'measure',
              type: 'nominal',
              title: null,
              scale: { domain: measures.map((m) => m.label), range: measures.map((m) => m.color) },
            },
            shape: {
              field: 'measure',
              type: 'nominal',
              scale: { domain: measures.map((m) => m.label), range: measures.map((m) => m.symbol) },
            },
            tooltip: [{ field: 'group' }, { field: 'measure' }, { field: 'ratio', format: '.2f' }],
          },
        },
      ],
    },
  }
}
