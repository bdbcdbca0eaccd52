/**
 * The five PDF standard fonts the motions use (Helvetica and Times, WinAnsi encoding). Standard fonts are not
 * embedded: a font object names the font, every reader has its metrics, and the file stays small. Widths come
 * from the Adobe metrics pdf-lib ships, read once into a 256-entry table per font (code = WinAnsi byte).
 */
import { StandardFontEmbedder, StandardFonts } from 'pdf-lib'

export interface StdFont {
  /** Resource name in the page's font dictionary, e.g. 'F1'. */
  readonly key: string
  /** PostScript name, e.g. 'Helvetica-Bold'. */
  readonly baseFont: string
  /** Width at size 1 of each WinAnsi code. */
  readonly widths: Float64Array
}

/** Printable ASCII and Latin-1 letters: the codes where WinAnsi and Latin-1 agree. */
export const WINANSI_SAFE = /^[\x20-\x7e\u00a1-\u00ff]$/

function stdFont(key: string, name: StandardFonts): StdFont {
  // pdf-lib's StandardFonts and its embedder's FontNames are the same strings under two enum types.
  const metrics = StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0])
  const widths = new Float64Array(256)
  const fallback = metrics.widthOfTextAtSize('?', 1)
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c)
    widths[c] = WINANSI_SAFE.test(ch) ? metrics.widthOfTextAtSize(ch, 1) : fallback
  }
  return { key, baseFont: name, widths }
}

export const FONTS = {
  sans: stdFont('F1', StandardFonts.Helvetica),
  sansBold: stdFont('F2', StandardFonts.HelveticaBold),
  sansItalic: stdFont('F3', StandardFonts.HelveticaOblique),
  serif: stdFont('F4', StandardFonts.TimesRoman),
  serifBold: stdFont('F5', StandardFonts.TimesRomanBold),
} as const

export type Fonts = typeof FONTS
