import { beforeAll, describe, expect, it } from 'vitest'
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib'
import { capLines, measure, pdfSafe, wrapText } from '../../../reports/motions/pdf-text.ts'
import { FONTS } from '../../../reports/motions/std-fonts.ts'

const font = FONTS.sans
/** pdf-lib's own Helvetica, as a second opinion on widths and encodability. */
let pdfLibFont: PDFFont
beforeAll(async () => {
  pdfLibFont = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica)
})

describe('text for the standard PDF fonts', () => {
  it('turns typographic and non-WinAnsi characters into encodable ones', () => {
    expect(pdfSafe('HS 11361.8(e)–(f) — “quoted” ≤ 28.5 g…')).toBe(
      'HS 11361.8(e)-(f) - "quoted" <= 28.5 g...',
    )
    expect(pdfSafe('PEÑA,JOSÉ')).toBe('PEÑA,JOSÉ')
    expect(pdfSafe('ŁUKASZ 李')).toBe('?UKASZ ?')
    expect(pdfSafe('Ǆ')).toBe('DZ')
    for (const s of ['HS 11361.8(e)–(f)', 'ŁUKASZ 李', 'tab\there'])
      expect(() => pdfLibFont.encodeText(pdfSafe(s))).not.toThrow()
  })

  it('measures every WinAnsi character like pdf-lib, in every standard font', async () => {
    const doc = await PDFDocument.create()
    const pairs = [
      [FONTS.sans, StandardFonts.Helvetica],
      [FONTS.sansBold, StandardFonts.HelveticaBold],
      [FONTS.sansItalic, StandardFonts.HelveticaOblique],
      [FONTS.serif, StandardFonts.TimesRoman],
      [FONTS.serifBold, StandardFonts.TimesRomanBold],
    ] as const
    for (const [mine, name] of pairs) {
      const theirs = await doc.embedFont(name)
      expect(mine.baseFont).toBe(name)
      for (let c = 32; c < 256; c++) {
        const ch = pdfSafe(String.fromCharCode(c))
        expect(measure(mine, ch, 10), `${name} ${c}`).toBeCloseTo(theirs.widthOfTextAtSize(ch, 10), 6)
      }
    }
  })

  it('wraps on spaces within the width and breaks words longer than a line', () => {
    const lines = wrapText('one two three four five six seven', font, 10, 60)
    expect(lines.join(' ')).toBe('one two three four five six seven')
    for (const l of lines) expect(measure(font, l, 10)).toBeLessThanOrEqual(60)
    expect(lines.length).toBeGreaterThan(1)
    const long = wrapText('X'.repeat(40), font, 10, 50)
    expect(long.join('')).toBe('X'.repeat(40))
    for (const l of long) expect(measure(font, l, 10)).toBeLessThanOrEqual(50)
    expect(wrapText('', font, 10, 50)).toEqual([''])
  })

  it('caps a cell at a number of lines and says how many were left out', () => {
    expect(capLines(['a', 'b', 'c', 'd'], 3)).toEqual(['a', 'b', '... +2 more (see CSV)'])
    expect(capLines(['a', 'b'], 3)).toEqual(['a', 'b'])
  })
})
