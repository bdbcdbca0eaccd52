/**
 * Stacked bars must not look complete when a segment is withheld. Where the row's total is published, the
 * withheld segments together are total − published segments (already known from the published numbers, so
 * drawing it reveals nothing) and are drawn as one hatched "withheld" segment at the end of the bar. A
 * withheld cell describes fewer than 100 people (larger complements are rounded, reports/suppression/), so
 * the hatch never stands for hundreds; with a rounded total or part the remainder is approximate (±5 each).
 */
import { DETERMINATION_COLOR, DETERMINATION_ORDER, WITHHELD_COLOR } from './palette.ts'

export const WITHHELD = 'withheld'
export const WITHHELD_FILL = 'url(#withheld-hatch)'
export const WITHHELD_ITEM = { label: 'Withheld (small numbers)', color: WITHHELD_COLOR, hatch: true }

interface Cell {
  outcome: string
  counts: number | null
  suppressed: boolean
}

/** For each key: one 'withheld' segment of total − published parts, when a part is withheld and the total is not. */
export function withheldSegments<R extends Cell>(
  rows: readonly R[],
  key: (r: R) => string,
  parts: readonly string[],
  total = 'all',
): { key: string; counts: number }[] {
  const keys = [...new Set(rows.map(key))]
  return keys.flatMap((k) => {
    const mine = rows.filter((r) => key(r) === k)
    const t = mine.find((r) => r.outcome === total)
    const ps = mine.filter((r) => parts.includes(r.outcome))
    if (!t || t.suppressed || t.counts == null || !ps.some((p) => p.suppressed)) return []
    const rest = t.counts - ps.reduce((a, p) => a + (p.suppressed ? 0 : (p.counts ?? 0)), 0)
    return rest > 0 ? [{ key: k, counts: rest }] : []
  })
}

/**
 * Colour scales of every stacked-by-determination bar chart: the four determinations in order, then the
 * withheld remainder (hatched in Plot's SVG, plain grey in Vega-Lite, which has no pattern fills).
 */
export function determinationScales(): { domain: string[]; colors: string[]; vlColors: string[] } {
  const base = DETERMINATION_ORDER.map((d) => DETERMINATION_COLOR[d])
  return {
    domain: [...DETERMINATION_ORDER, WITHHELD],
    colors: [...base, WITHHELD_FILL],
    vlColors: [...base, WITHHELD_COLOR],
  }
}

/**
 * The Vega-Lite body of a horizontal bar chart stacked by determination (one bar per `y` category), shared by
 * the demographic, offense and scenario charts. The stack order follows `domain`, as in the Plot version.
 */
export function stackedDeterminationSpec(opts: {
  width: number
  data: readonly object[]
  domain: readonly string[]
  vlColors: readonly string[]
  y: { field: string; sort: readonly string[]; title: string | null }
  tooltip: readonly { field: string; title?: string }[]
}) {
  const { width, data, domain, vlColors, y, tooltip } = opts
  return {
    width,
    data: { values: data },
    transform: [{ calculate: `indexof(${JSON.stringify(domain)}, datum.outcome)`, as: 'stack_order' }],
    mark: 'bar',
    encoding: {
      y: { field: y.field, type: 'nominal', sort: y.sort, title: y.title },
      x: { field: 'counts', type: 'quantitative', title: 'Convictions (count)', stack: 'zero' },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: 'Determination',
        scale: { domain, range: vlColors },
      },
      order: { field: 'stack_order', type: 'quantitative' },
      tooltip,
    },
  }
}
