/**
 * Server-side rendering of a ChartDef: Observable Plot draws into a linkedom document, and the plot is
 * framed in one standalone SVG with its title, subtitle, legend and source line drawn as SVG text, so the
 * .svg, the .png (resvg) and the copy inlined in the report are the same picture and carry their own words
 * when pasted into a slide.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import type { ChartContext, ChartDef, LegendItem } from '../charts/chart.ts'
import { FONT_FAMILY } from '../charts/palette.ts'
import { chartPng } from './chart-png.ts'

export const CHART_WIDTH = 720
export const HATCH_ID = 'withheld-hatch'
const PAD = 10

/** A chart drawn as vectors: its SVG and its Vega-Lite spec. */
export interface DrawnChart {
  def: ChartDef
  /** Standalone SVG document (xmlns, fonts, white background). */
  svg: string
  /** The SVG's width, in its units. */
  width: number
  /** Vega-Lite spec, pretty-printed JSON. */
  vegaLite: string
}

/** A drawn chart with its PNG. */
export interface RenderedChart extends DrawnChart {
  png: Buffer
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** Greedy word wrap by an average glyph width (about 0.56 em for the sans fonts used). */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(10, Math.floor(width / (fontSize * 0.56)))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

function textLines(
  lines: string[],
  x: number,
  y: number,
  size: number,
  attrs: string,
): { svg: string; height: number } {
  const lh = Math.round(size * 1.35)
  const svg = lines
    .map((l, i) => `<text x="${x}" y="${y + i * lh + size}" font-size="${size}" ${attrs}>${esc(l)}</text>`)
    .join('')
  return { svg, height: lines.length * lh }
}

function swatches(items: LegendItem[], y: number, width: number): { svg: string; height: number } {
  let x = 0
  let row = 0
  const parts: string[] = []
  for (const it of items) {
    const w = 18 + it.label.length * 11 * 0.56 + 18
    if (x > 0 && x + w > width) {
      x = 0
      row++
    }
    const top = y + row * 20
    const fill = it.hatch ? `url(#${HATCH_ID})` : it.color
    parts.push(
      `<rect x="${x}" y="${top + 2}" width="12" height="12" fill="${fill}" stroke="#555" stroke-width="0.5"/>`,
      `<text x="${x + 17}" y="${top + 12}" font-size="11">${esc(it.label)}</text>`,
    )
    x += w
  }
  return { svg: parts.join(''), height: items.length ? (row + 1) * 20 + 4 : 0 }
}

const HATCH_DEFS = `<defs><pattern id="${HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#777777" stroke-width="2"/></pattern></defs>`

/** Draws the chart and its PNG; deterministic for the same def (no random ids, no clock). */
export function renderChart(def: ChartDef, ctx: ChartContext): RenderedChart {
  const drawn = drawChart(def, ctx)
  return { ...drawn, png: chartPng(drawn.svg, drawn.width) }
}

/** Draws the chart as vectors; deterministic for the same def (no random ids, no clock). */
export function drawChart(def: ChartDef, ctx: ChartContext): DrawnChart {
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const width = def.plot.width ?? CHART_WIDTH
  const parts: string[] = []
  let y = 6

  const title = textLines(wrap(def.title, width, 17), 0, y, 17, 'font-weight="bold" fill="#111"')
  parts.push(title.svg)
  y += title.height + 2
  if (def.subtitle) {
    const sub = textLines(wrap(def.subtitle, width, 12.5), 0, y, 12.5, 'fill="#444"')
    parts.push(sub.svg)
    y += sub.height
  }
  y += 6
  if (def.legend?.ramp) {
    const el = Plot.legend({
      document,
      legend: 'ramp',
      width: Math.min(360, width),
      label: def.legend.ramp.label,
      style: { fontFamily: FONT_FAMILY, fontSize: '11px', background: 'white' },
      color: def.legend.ramp.color,
    } as unknown as Plot.LegendOptions) as unknown as Element
    el.setAttribute('x', '0')
    el.setAttribute('y', String(y))
    parts.push(el.outerHTML)
    y += Number(el.getAttribute('height') ?? 50) + 4
  }
  if (def.legend?.items?.length) {
    const lg = swatches(def.legend.items, y, width)
    parts.push(lg.svg)
    y += lg.height
  }

  if (def.empty) {
    parts.push(
      `<rect x="0" y="${y}" width="${width}" height="120" fill="#f7f7f7" stroke="#ccc"/>`,
      `<text x="${width / 2}" y="${y + 64}" font-size="13" text-anchor="middle" fill="#444">Nothing to draw: no data, or every cell describes fewer than ${ctx.minCell} people.</text>`,
    )
    y += 128
  } else {
    const el = Plot.plot({
      ...def.plot,
      document,
      width,
      style: { fontFamily: FONT_FAMILY, fontSize: '11px', background: 'white', overflow: 'visible' },
    } as Plot.PlotOptions) as unknown as Element
    if (el.tagName.toLowerCase() !== 'svg')
      throw new Error(
        `chart ${def.name}: Plot returned <${el.tagName}>; keep title/legend out of plot options`,
      )
    el.setAttribute('x', '0')
    el.setAttribute('y', String(y))
    el.setAttribute('aria-label', def.description)
    parts.push(el.outerHTML)
    y += Number(el.getAttribute('height'))
  }

  y += 8
  const source = textLines(
    wrap([`Source: ${ctx.source}.`, def.note].filter(Boolean).join(' '), width, 10.5),
    0,
    y,
    10.5,
    'fill="#555"',
  )
  parts.push(source.svg)
  y += source.height + 6

  const height = Math.ceil(y)
  const body = parts.join('')
  const outer = width + 2 * PAD
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outer}" height="${height}" viewBox="0 0 ${outer} ${height}" ` +
    `role="img" aria-labelledby="${def.name}-title ${def.name}-desc" font-family="${esc(FONT_FAMILY)}" data-chart="${def.name}">` +
    `<title id="${def.name}-title">${esc(def.title)}</title><desc id="${def.name}-desc">${esc(def.description)}</desc>` +
    (body.includes(`url(#${HATCH_ID})`) ? HATCH_DEFS : '') +
    `<rect width="${outer}" height="${height}" fill="white"/><g transform="translate(${PAD},0)">${body}</g></svg>`
  return { def, svg, width: outer, vegaLite: JSON.stringify(def.vegaLite, null, 2) + '\n' }
}
