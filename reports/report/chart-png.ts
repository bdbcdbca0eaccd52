/**
 * A chart's PNG from its SVG: resvg draws it at twice the SVG's width, and png-image.ts writes the pixels.
 * Apart from the drawing of the SVG (render-chart.ts) because it is most of a chart's time and needs the SVG only:
 * the report draws its PNGs on two threads (pipelines/outputs/chart-pngs.ts), and this module loads no more than
 * that needs.
 */
import { Resvg } from '@resvg/resvg-js'
import { chartFonts } from './chart-fonts.ts'
import { pngOfRgba } from './png-image.ts'

/** The PNG of a chart's SVG whose width (in its units) is `width`. */
export function chartPng(svg: string, width: number): Buffer {
  const image = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: width * 2 },
    font: chartFonts(svg),
  }).render()
  return pngOfRgba(image.width, image.height, image.pixels)
}
