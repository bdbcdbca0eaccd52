/**
 * A chart's PNG from its SVG: resvg draws it at twice the SVG's width, and png-image.ts writes the pixels.
 * Apart from the drawing of the SVG (render-chart.ts) because it is most of a chart's time and needs the SVG only:
 * the report draws its PNGs on two threads (pipelines/outputs/chart-pngs.ts), and this module loads no more than
 * that needs.
 */
import { createRequire } from 'node:module'
import { chartFonts } from './chart-fonts.ts'
import { pngOfRgba } from './png-image.ts'

/**
 * resvg, loaded at the first PNG: a native library of 4 MB that the CLI's own thread loads only where no worker
 * could draw the report (pipelines/outputs/report-renderer.ts); imported at the top, every start of the program
 * loaded it.
 */
let resvg: typeof import('@resvg/resvg-js') | undefined
const Resvg = () =>
  (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg

/** The PNG of a chart's SVG whose width (in its units) is `width`. */
export function chartPng(svg: string, width: number): Buffer {
  const image = new (Resvg())(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: width * 2 },
    font: chartFonts(svg),
  }).render()
  return pngOfRgba(image.width, image.height, image.pixels)
}
