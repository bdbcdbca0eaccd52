/** Convictions by year of conviction, stacked by determination. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR, DETERMINATION_LABEL, DETERMINATION_ORDER, WITHHELD_COLOR } from './palette.ts'
import type { YearRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { rowsOf } from './rows.ts'
import { WITHHELD, WITHHELD_FILL, WITHHELD_ITEM, withheldSegments } from './withheld.ts'

const isDetermination = (o: string) => (DETERMINATION_ORDER as readonly string[]).includes(o)
const isYear = (y: string) => /^\d{4}$/.test(y)

export function yearStacked(table: Table, ctx: ChartContext): ChartDef {
  const all = rowsOf<YearRow>(table).filter((r) => isYear(r.conviction_year))
  const rows = all.filter((r) => isDetermination(r.outcome))
  const gaps = withheldSegments(all, (r) => r.conviction_year, DETERMINATION_ORDER)
  const shown = [
    ...rows.filter((r) => !r.suppressed && (r.counts ?? 0) > 0),
    ...gaps.map((g) => ({
      conviction_year: g.key,
      outcome: WITHHELD,
      counts: g.counts,
      people: null,
      suppressed: false,
    })),
  ]
  const withheld = rows.filter((r) => r.suppressed).length
  const years = rows.map((r) => Number(r.conviction_year))
  const first = Math.min(...years)
  const last = Math.max(...years)
  const domain = years.length ? Array.from({ length: last - first + 1 }, (_, i) => String(first + i)) : []
  const title = 'In-scope convictions by year of conviction'
  const subtitle = 'Stacked by determination, darkest = most relief'
  const note = withheld
    ? `${withheld} year × determination cells describe fewer than ${ctx.minCell} people (or would reveal one that does); where the year's total is published they are drawn together, hatched.`
    : undefined
  const domain_ = [...DETERMINATION_ORDER, WITHHELD]
  const colors = [...DETERMINATION_ORDER.map((d) => DETERMINATION_COLOR[d]), WITHHELD_FILL]
  return {
    name: 'relief-by-year',
    title,
    subtitle,
    note,
    empty: shown.length === 0,
    description: `Stacked columns, one per calendar year of conviction from ${first} to ${last}: the height is the number of in-scope convictions, split into dismiss, reduce, review and not eligible.`,
    legend: {
      items: [
        ...DETERMINATION_ORDER.map((d) => ({ label: DETERMINATION_LABEL[d], color: DETERMINATION_COLOR[d] })),
        ...(gaps.length ? [WITHHELD_ITEM] : []),
      ],
    },
    plot: {
      height: 320,
      marginLeft: 60,
      x: {
        type: 'band',
        domain,
        label: 'Year of conviction',
        tickFormat: (y: string) => (Number(y) % 5 === 0 ? y : ''),
        tickSize: 0,
      },
      y: { label: 'Convictions (count)', grid: true, tickFormat: countTick },
      color: { domain: domain_, range: colors },
      marks: [
        Plot.barY(shown, {
          x: 'conviction_year',
          y: 'counts',
          fill: 'outcome',
          order: domain_,
          title: (d) =>
            `${d.conviction_year}, ${DETERMINATION_LABEL[d.outcome as 'dismiss'] ?? 'withheld'}: ${d.counts}`,
        }),
        Plot.ruleY([0]),
      ],
    },
    vegaLite: {
      ...vegaLiteBase({ title, subtitle, note }, ctx),
      width: 640,
      height: 300,
      data: {
        values: shown.map(({ conviction_year, outcome, counts, people }) => ({
          conviction_year,
          outcome,
          counts,
          people,
        })),
      },
      transform: [{ calculate: `indexof(${JSON.stringify(domain_)}, datum.outcome)`, as: 'stack_order' }],
      mark: 'bar',
      encoding: {
        x: { field: 'conviction_year', type: 'ordinal', title: 'Year of conviction', scale: { domain } },
        y: { field: 'counts', type: 'quantitative', title: 'Convictions (count)', stack: 'zero' },
        color: {
          field: 'outcome',
          type: 'nominal',
          title: 'Determination',
          scale: {
            domain: domain_,
            range: [...DETERMINATION_ORDER.map((d) => DETERMINATION_COLOR[d]), WITHHELD_COLOR],
          },
        },
        order: { field: 'stack_order', type: 'quantitative' },
        tooltip: [
          { field: 'conviction_year', title: 'Year' },
          { field: 'outcome', title: 'Determination' },
          { field: 'counts', title: 'Convictions' },
          { field: 'people', title: 'People' },
        ],
      },
    },
  }
}
