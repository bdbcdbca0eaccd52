/** Counties ranked by convictions granted relief, drawn over all in-scope convictions of the county. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR } from './palette.ts'
import type { CountyRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { countyName, fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'

const IN_SCOPE_COLOR = '#d9d9d9'

export function countyRanked(table: Table, ctx: ChartContext): ChartDef {
  const rows = rowsOf<CountyRow>(table).filter((r) => r.county !== 'all')
  const all = new Map(rows.filter((r) => r.outcome === 'all').map((r) => [r.county, r]))
  const relief = new Map(rows.filter((r) => r.outcome === 'relief').map((r) => [r.county, r]))
  const present = [...all.values()].filter((r) => r.suppressed || (r.counts ?? 0) > 0).map((r) => r.county)
  const reliefOf = (c: string) => (relief.get(c)?.suppressed ? -1 : (relief.get(c)?.counts ?? 0))
  const allOf = (c: string) => (all.get(c)?.suppressed ? -1 : (all.get(c)?.counts ?? 0))
  const order = present.sort((a, b) => reliefOf(b) - reliefOf(a) || allOf(b) - allOf(a) || a.localeCompare(b))
  const data = order.map((c) => ({
    county: countyName(c),
    in_scope: all.get(c)?.suppressed ? null : (all.get(c)?.counts ?? 0),
    relief: relief.get(c)?.suppressed ? null : (relief.get(c)?.counts ?? 0),
    withheld: Boolean(all.get(c)?.suppressed || relief.get(c)?.suppressed),
  }))
  const names = data.map((d) => d.county)
  const withheld = data.filter((d) => d.withheld).length
  const title = 'Convictions granted relief, by county of conviction'
  const subtitle =
    'Dark bar: dismissed or reduced; light bar behind it: every in-scope conviction. Largest first.'
  const note = withheld
    ? `${withheld} counties have a bar withheld (fewer than ${ctx.minCell} people, or would reveal such a cell); they are listed last.`
    : undefined
  return {
    name: 'county-ranked',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Horizontal bars, one row per county, sorted by convictions granted relief; a light bar behind shows all in-scope convictions.',
    legend: {
      items: [
        { label: 'Granted relief (dismiss or reduce)', color: DETERMINATION_COLOR.dismiss },
        { label: 'All in-scope convictions', color: IN_SCOPE_COLOR },
      ],
    },
    plot: {
      height: 50 + 16 * Math.max(data.length, 3),
      marginLeft: 110,
      marginRight: 60,
      x: { label: 'Convictions (count)', grid: true, axis: 'top', tickFormat: countTick },
      y: { domain: names, label: null, tickSize: 0 },
      marks: [
        Plot.barX(data, {
          filter: (d) => d.in_scope != null,
          x: 'in_scope',
          y: 'county',
          fill: IN_SCOPE_COLOR,
          title: (d) => `${d.county}: ${fmtInt(d.in_scope)} in-scope convictions`,
        }),
        Plot.barX(data, {
          filter: (d) => d.relief != null,
          x: 'relief',
          y: 'county',
          fill: DETERMINATION_COLOR.dismiss,
          insetTop: 3,
          insetBottom: 3,
          title: (d) => `${d.county}: ${fmtInt(d.relief)} granted relief`,
        }),
        Plot.text(data, {
          filter: (d) => d.withheld,
          x: (d) => d.in_scope ?? 0,
          y: 'county',
          text: () => 'withheld',
          textAnchor: 'start',
          dx: 4,
          fill: '#555',
        }),
        Plot.ruleX([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 560,
      data: { values: data },
      encoding: {
        y: { field: 'county', type: 'nominal', sort: names, title: null },
      },
      layer: [
        {
          mark: { type: 'bar', color: IN_SCOPE_COLOR },
          encoding: { x: { field: 'in_scope', type: 'quantitative', title: 'Convictions (count)' } },
        },
        {
          mark: { type: 'bar', color: DETERMINATION_COLOR.dismiss, height: { band: 0.6 } },
          encoding: {
            x: { field: 'relief', type: 'quantitative' },
            tooltip: [
              { field: 'county', title: 'County' },
              { field: 'relief', title: 'Granted relief' },
              { field: 'in_scope', title: 'In scope' },
            ],
          },
        },
      ],
    },
  }
}
