/**
 * The fonts the chart PNGs are drawn with. resvg reads a font file again for every glyph it lays out (its
 * font database keeps paths, not bytes), so a chart of a thousand glyphs read the 760 KB DejaVu Sans file a
 * thousand times: 0.5 of the report's 1.3 CPU-s of PNGs. The project ships DejaVu Sans cut to the characters its
 * charts use (fonts/README.md): 43 KB, the same outlines and spacing, so the same pixels. A chart with a character
 * outside the cut is drawn with the system's DejaVu, as before.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The code points kept in fonts/*-latin.ttf, inclusive ranges; fonts/README.md makes the files from this list. */
export const LATIN_CUT: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x221e, 0x221e],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
]

const inCut = (cp: number) => LATIN_CUT.some(([lo, hi]) => cp >= lo && cp <= hi)

/** Whether every character of `text` (tabs and line ends aside) is in the cut fonts. */
export function withinLatinCut(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp !== 0x09 && cp !== 0x0a && cp !== 0x0d && !inCut(cp)) return false
  }
  return true
}

const family = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
const CUT_NAMES = ['dejavu-sans-latin.ttf', 'dejavu-sans-bold-latin.ttf']
// Beside this module; or, from the report's worker (one bundle kept in node_modules/.cache/record-relief, where
// import.meta.url is the bundle's), from the project root. resvg draws no text at all from a missing file, so
// without them the system's fonts are used.
const CUT_DIR = ['./fonts/', '../../../reports/report/fonts/']
  .map((dir) => fileURLToPath(new URL(dir, import.meta.url)))
  .find((dir) => CUT_NAMES.every((f) => existsSync(join(dir, f))))
const CUT_FONTS = CUT_DIR && {
  fontFiles: CUT_NAMES.map((f) => join(CUT_DIR, f)),
  loadSystemFonts: false,
  ...family,
}
const SYSTEM_DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(
  (f) => `/usr/share/fonts/truetype/dejavu/${f}`,
)
// Loading two known font files is ~10× faster than scanning every system font for each PNG.
const SYSTEM_FONTS = SYSTEM_DEJAVU.every((f) => existsSync(f))
  ? { fontFiles: SYSTEM_DEJAVU, loadSystemFonts: false, ...family }
  : { loadSystemFonts: true, ...family }

/** resvg's font options for one chart's SVG: the cut fonts when they hold every character it has. */
export const chartFonts = (svg: string) => (CUT_FONTS && withinLatinCut(svg) ? CUT_FONTS : SYSTEM_FONTS)

/** The system fonts, for a comparison (tests). */
export const systemChartFonts = () => SYSTEM_FONTS
