/** Convictions by one demographic dimension (race and ethnicity, gender or age band), stacked by determination. */
import * as Plot from '@observablehq/plot'
import type { Table } from 'apache-arrow'
import { countTick, vegaLiteBase, type ChartContext, type ChartDef } from './chart.ts'
import { DETERMINATION_COLOR, DETERMINATION_LABEL, DETERMINATION_ORDER } from './palette.ts'
import type { DemographicsRow } from '../../data-contracts/outputs/public-marts.contract.ts'
import { DIMENSIONS, byOrder, fmtInt, type Dimension } from './labels.ts'
import { rowsOf } from './rows.ts'
import {
  determinationScales,
  stackedDeterminationSpec,
  WITHHELD,
  WITHHELD_ITEM,
  withheldSegments,
} from './withheld.ts'

const isDetermination = (o: string) => (DETERMINATION_ORDER as readonly string[]).includes(o)

export function groupCounts(table: Table, dimension: Dimension, ctx: ChartContext): ChartDef {
  const spec = DIMENSIONS[dimension]
  const others = (['race_group', 'gender', 'age_band'] as const).filter((d) => d !== dimension)
  const margin = rowsOf<DemographicsRow>(table).filter(
    (r) => r[dimension] !== 'all' && others.every((d) => r[d] === 'all'),
  )
  const cells = margin.filter((r) => isDetermination(r.outcome))
  const gaps = withheldSegments(margin, (r) => r[dimension], DETERMINATION_ORDER)
  const groups = [...new Set(cells.map((r) => r[dimension]))].sort(byOrder(spec.order)).map(spec.label)
  const data = [
    ...cells
      .filter((r) => !r.suppressed && (r.counts ?? 0) > 0)
      .map((r) => ({
        group: spec.label(r[dimension]),
        outcome: r.outcome,
        counts: r.counts,
        people: r.people,
      })),
    ...gaps.map((g) => ({ group: spec.label(g.key), outcome: WITHHELD, counts: g.counts, people: null })),
  ]
  const withheld = cells.filter((r) => r.suppressed).length
  const title = `In-scope convictions by ${spec.noun}, by determination`
  const subtitle =
    dimension === 'race_group'
      ? 'Race and ethnicity as DOJ recorded it (one letter per person), mapped to Census groups.'
      : dimension === 'age_band'
        ? 'Age on the date of conviction (a person convicted at different ages appears in each band).'
        : 'Gender as DOJ recorded it.'
  const note = withheld
    ? `${withheld} cells withheld (fewer than ${ctx.minCell} people, or would reveal such a cell).`
    : undefined
  const { domain, colors, vlColors } = determinationScales()
  const name = `counts-by-${dimension.replace('_', '-')}`
  return {
    name,
    title,
    subtitle,
    note,
    empty: data.length === 0,
    description: `Horizontal stacked bars, one per ${spec.noun} group, split into dismiss, reduce, review and not eligible.`,
    legend: {
      items: [
        ...DETERMINATION_ORDER.map((d) => ({ label: DETERMINATION_LABEL[d], color: DETERMINATION_COLOR[d] })),
        ...(gaps.length ? [WITHHELD_ITEM] : []),
      ],
    },
    plot: {
      height: 50 + 28 * groups.length,
      marginLeft: 210,
      x: { label: 'Convictions (count)', grid: true, tickFormat: countTick },
      y: { domain: groups, label: null, tickSize: 0 },
      color: { domain, range: colors },
      marks: [
        Plot.barX(data, {
          x: 'counts',
          y: 'group',
          fill: 'outcome',
          order: domain,
          title: (d) =>
            `${d.group}, ${DETERMINATION_LABEL[d.outcome as 'dismiss'] ?? WITHHELD}: ${fmtInt(d.counts)}`,
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
        y: { field: 'group', sort: groups, title: null },
        tooltip: [
          { field: 'group' },
          { field: 'outcome' },
          { field: 'counts', title: 'Convictions' },
          { field: 'people', title: 'People' },
        ],
      }),
    },
  }
}
