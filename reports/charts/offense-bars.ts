/** Convictions by code section and conviction level, stacked by determination. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR, DETERMINATION_LABEL, DETERMINATION_ORDER } from './palette.ts'
import type { OffenseRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { byOrder, fmtInt } from './labels.ts'
import { rowsOf } from './rows.ts'
import {
  determinationScales,
  stackedDeterminationSpec,
  WITHHELD,
  WITHHELD_ITEM,
  withheldSegments,
} from './withheld.ts'

const LEVELS = ['felony', 'misdemeanor', 'infraction', 'unknown']
const isDetermination = (o: string) => (DETERMINATION_ORDER as readonly string[]).includes(o)

export function offenseBars(table: Table, ctx: ChartContext): ChartDef {
  const inner = rowsOf<OffenseRow>(table).filter(
    (r) => r.code_section !== 'all' && r.conviction_level !== 'all',
  )
  const cells = inner.filter((r) => isDetermination(r.outcome))
  const label = (r: OffenseRow) => `${r.code_section} · ${r.conviction_level}`
  const gaps = withheldSegments(inner, label, DETERMINATION_ORDER)
  const keys = [...new Map(cells.map((r) => [label(r), r])).values()]
    .sort(
      (a, b) =>
        a.code_section.localeCompare(b.code_section) ||
        byOrder(LEVELS)(a.conviction_level, b.conviction_level),
    )
    .map(label)
  const data = [
    ...cells
      .filter((r) => !r.suppressed && (r.counts ?? 0) > 0)
      .map((r) => ({ offense: label(r), outcome: r.outcome, counts: r.counts, people: r.people })),
    ...gaps.map((g) => ({ offense: g.key, outcome: WITHHELD, counts: g.counts, people: null })),
  ]
  const withheld = cells.filter((r) => r.suppressed).length
  const drawn = new Set(data.map((d) => d.offense))
  const withheldKeys = keys.filter((k) => !drawn.has(k) && cells.some((r) => label(r) === k && r.suppressed))
  const title = 'In-scope convictions by code section and level, by determination'
  const subtitle =
    'One bar per code section and conviction level found in the extract; segments in determination order.'
  const note = withheld
    ? `${withheld} section × level × determination cells withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  const { domain, colors, vlColors } = determinationScales()
  return {
    name: 'relief-by-offense',
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description:
      'Horizontal stacked bars, one per code section and conviction level, split into dismiss, reduce, review and not eligible.',
    legend: {
      items: [
        ...DETERMINATION_ORDER.map((d) => ({ label: DETERMINATION_LABEL[d], color: DETERMINATION_COLOR[d] })),
        ...(gaps.length ? [WITHHELD_ITEM] : []),
      ],
    },
    plot: {
      height: 40 + 18 * keys.length,
      marginLeft: 170,
      x: { label: 'Convictions (count)', grid: true, axis: 'top', tickFormat: countTick },
      y: { domain: keys, label: null, tickSize: 0 },
      color: { domain, range: colors },
      marks: [
        Plot.barX(data, {
          x: 'counts',
          y: 'offense',
          fill: 'outcome',
          order: domain,
          title: (d) =>
            `${d.offense}, ${DETERMINATION_LABEL[d.outcome as 'dismiss'] ?? WITHHELD}: ${fmtInt(d.counts)}`,
        }),
        Plot.text(withheldKeys, {
          x: 0,
          y: (k: string) => k,
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
      ...stackedDeterminationSpec({
        width: 560,
        data,
        domain,
        vlColors,
        y: { field: 'offense', sort: keys, title: 'Code section · conviction level' },
        tooltip: [
          { field: 'offense' },
          { field: 'outcome' },
          { field: 'counts', title: 'Convictions' },
          { field: 'people', title: 'People' },
        ],
      }),
    },
  }
}
