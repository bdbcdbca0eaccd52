import { beforeAll, describe, expect, it } from 'vitest'
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib'
import { capLines, measure, pdfSafe, wrapText } from '../../../reports/motions/pdf-text.ts'

let font: PDFFont
beforeAll(async () => {
  font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica)
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
      expect(() => font.encodeText(pdfSafe(s))).not.toThrow()
  })

  it('measures like pdf-lib for text without kerning pairs', () => {
    expect(measure(font, 'HS 11359 x2', 10)).toBeCloseTo(font.widthOfTextAtSize('HS 11359 x2', 10), 6)
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
