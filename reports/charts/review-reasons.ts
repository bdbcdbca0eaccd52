/** Counts sent to review, by the rule that could not decide them. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR } from './palette.ts'
import type { DataQualityRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'

export function reviewReasons(table: Table, ctx: ChartContext): ChartDef {
  const cells = rowsOf<DataQualityRow>(table).filter((r) => r.check === 'review' && r.item !== 'all')
  const data = cells
    .filter((r) => !r.suppressed)
    .sort((a, b) => (b.counts ?? 0) - (a.counts ?? 0) || a.item.localeCompare(b.item))
    .map((r) => ({ rule_id: r.item, counts: r.counts, people: r.people, reason: r.detail }))
  const withheld = cells.length - data.length
  const title = 'Why counts need review: the rule that could not decide'
  const subtitle =
    'Each bar is one rule id; its reason is in the table below. Most ask for a fact the DOJ extract does not carry.'
  const note = withheld
    ? `${withheld} rules withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  return {
    name: 'review-reasons',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Horizontal bars, one per rule id that sent counts to review, sorted by number of convictions.',
    plot: {
      height: 50 + 22 * data.length,
      marginLeft: 140,
      marginRight: 50,
      x: { label: 'Convictions in review (count)', grid: true, tickFormat: countTick },
      y: { domain: data.map((d) => d.rule_id), label: null, tickSize: 0 },
      marks: [
        // The Arrow table goes to Plot as is; Plot reads its columns without copying rows.
        Plot.barX(table, {
          filter: (d: DataQualityRow) => d.check === 'review' && d.item !== 'all' && !d.suppressed,
          x: 'counts',
          y: 'item',
          fill: DETERMINATION_COLOR.review,
          title: (d: DataQualityRow) => `${d.item}: ${d.detail}`,
        }),
        Plot.text(data, {
          x: 'counts',
          y: 'rule_id',
          text: (d) => fmtInt(d.counts),
          textAnchor: 'start',
          dx: 3,
          fill: '#333',
        }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 520,
      data: { values: data },
      mark: { type: 'bar', color: DETERMINATION_COLOR.review },
      encoding: {
        y: { field: 'rule_id', type: 'nominal', sort: '-x', title: 'Rule id' },
        x: { field: 'counts', type: 'quantitative', title: 'Convictions in review (count)' },
        tooltip: [{ field: 'rule_id' }, { field: 'counts' }, { field: 'people' }, { field: 'reason' }],
      },
    },
  }
}
