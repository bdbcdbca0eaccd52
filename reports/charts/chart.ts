/**
 * What a chart function returns: Observable Plot options (rendered on the server), the same chart as a
 * Vega-Lite spec with its data inline (to reopen and restyle in the Vega editor), and the words around it.
 * Chart functions are pure: rows in (Arrow tables or plain rows), this out; no I/O, no DOM.
 */
import type { PlotOptions } from '@observablehq/plot'

export interface ChartContext {
  /** One line naming the data: run id, as-of date, population source. */
  source: string
  /** Cells under this many people are withheld. */
  minCell: number
}

export interface LegendItem {
  label: string
  color: string
  /** Draw the swatch hatched (cells withheld) instead of filled. */
  hatch?: boolean
}

export interface Legend {
  /** A colour ramp drawn by Plot.legend (continuous or quantile colour scale options). */
  ramp?: { color: Record<string, unknown>; label: string }
  /** Categorical swatches, drawn after the ramp. */
  items?: LegendItem[]
}

/** A Vega-Lite spec as plain JSON (validated by compiling it in the tests). */
export type VegaLiteSpec = Record<string, unknown>

export interface ChartDef {
  /** File base name: <name>.svg, <name>.png, <name>.vl.json. */
  name: string
  title: string
  subtitle?: string
  /** One or two sentences for screen readers and the figure caption: what the marks encode. */
  description: string
  /** Plot options without `document`; the renderer adds the document, size and fonts. */
  plot: PlotOptions
  legend?: Legend
  /** Said under the chart beside the source, e.g. how many cells were withheld. */
  note?: string
  vegaLite: VegaLiteSpec
  /** True when nothing could be drawn (everything withheld or no data): the renderer says so in the chart. */
  empty?: boolean
}

/** The part of a Vega-Lite spec every chart shares: schema, title with subtitle and source, fonts. */
export function vegaLiteBase(
  def: Pick<ChartDef, 'title' | 'subtitle' | 'note'>,
  ctx: ChartContext,
): VegaLiteSpec {
  const subtitle = [def.subtitle, `Source: ${ctx.source}`, def.note].filter(Boolean)
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: def.title, subtitle, anchor: 'start', subtitleColor: '#555' },
    config: { font: 'DejaVu Sans, Arial, sans-serif', background: 'white', view: { stroke: null } },
  }
}

/** Axis ticks for counts: 12,500 (Plot's own format switches to 1.25e+4 in faceted charts). */
export const countTick = (d: number): string => d.toLocaleString('en-US')
