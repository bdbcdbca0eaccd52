import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import {
  chartFonts,
  LATIN_CUT,
  systemChartFonts,
  withinLatinCut,
} from '../../../reports/report/chart-fonts.ts'

const SYSTEM_DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

/** Every character the cut fonts keep, a line of 40 at a time. */
function everyKeptCharacter(): string[] {
  const chars: string[] = []
  for (const [lo, hi] of LATIN_CUT)
    for (let cp = lo; cp <= hi; cp++) if (cp !== 0x20) chars.push(String.fromCodePoint(cp))
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += 40) lines.push(chars.slice(i, i + 40).join(' '))
  return lines
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const svgOf = (lines: string[], weight: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${lines.length * 20 + 10}" font-family="DejaVu Sans">` +
  lines
    .map((l, i) => `<text x="4" y="${i * 20 + 18}" font-size="13" font-weight="${weight}">${esc(l)}</text>`)
    .join('') +
  '</svg>'
const pixels = (svg: string, font: object) => new Resvg(svg, { background: 'white', font }).render().pixels

describe('chart fonts', () => {
  it('take the cut fonts only for text wholly within the cut', () => {
    expect(withinLatinCut('Los Angeles – 1,234 (12.5%) ≥ ½ → café\n')).toBe(true)
    expect(withinLatinCut('Łódź')).toBe(false)
    expect(withinLatinCut('東京')).toBe(false)
    expect(chartFonts('<svg>São José</svg>')).not.toBe(systemChartFonts())
    expect(chartFonts('<svg>Ωmega</svg>')).toBe(systemChartFonts())
  })

  it.skipIf(!existsSync(SYSTEM_DEJAVU))(
    'draw every kept character, book and bold, to the same pixels as the full DejaVu Sans',
    () => {
      const lines = everyKeptCharacter()
      expect(lines.join('').length).toBeGreaterThan(300)
      for (const weight of ['normal', 'bold']) {
        const svg = svgOf(lines, weight)
        const cut = pixels(svg, chartFonts(svg))
        expect(chartFonts(svg)).not.toBe(systemChartFonts())
        expect(cut.equals(pixels(svg, systemChartFonts())), weight).toBe(true)
        // The text is drawn at all: the picture is not blank.
        expect(cut.some((b) => b < 128)).toBe(true)
      }
    },
  )
})
