/**
 * Text for the PDF standard fonts: they encode WinAnsi only, so typographic characters become their ASCII
 * look-alikes (which also keeps the text searchable and diffable after pdftotext), anything else
 * unencodable loses its accent or becomes '?'. And line wrapping by measured width.
 */
import type { PDFFont } from 'pdf-lib'

const ASCII_FOR: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u00a7': 'Sec.',
  '\t': ' ',
  '\r': ' ',
  '\n': ' ',
}

/** Printable ASCII and Latin-1 letters: all encodable by the WinAnsi standard fonts. */
const SAFE = /^[\x20-\x7e\u00a1-\u00ff]$/

export function pdfSafe(text: string): string {
  let out = ''
  for (const ch of text) {
    if (SAFE.test(ch)) out += ch
    else if (ch in ASCII_FOR) out += ASCII_FOR[ch]
    else {
      const bare = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      out += [...bare].every((c) => SAFE.test(c)) && bare ? bare : '?'
    }
  }
  return out
}

const widthTables = new WeakMap<PDFFont, Float64Array>()

/**
 * Width in points of pdfSafe text, from a 256-entry table per font. No kerning: the text is drawn with
 * plain Tj, which does not kern either, and summing a table is far faster than pdf-lib's glyph lookup.
 */
export function measure(font: PDFFont, text: string, size: number): number {
  let table = widthTables.get(font)
  if (!table) {
    table = new Float64Array(256)
    const fallback = font.widthOfTextAtSize('?', 1)
    for (let c = 32; c < 256; c++) {
      const ch = String.fromCharCode(c)
      table[c] = SAFE.test(ch) ? font.widthOfTextAtSize(ch, 1) : fallback
    }
    widthTables.set(font, table)
  }
  let w = 0
  for (let i = 0; i < text.length; i++) w += table[text.charCodeAt(i) & 0xff]!
  return w * size
}

/** Cuts one word that is wider than the line into pieces that fit. */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = []
  let cur = ''
  for (const ch of word) {
    if (cur && measure(font, cur + ch, size) > width) {
      pieces.push(cur)
      cur = ch
    } else cur += ch
  }
  if (cur) pieces.push(cur)
  return pieces
}

/** Greedy word wrap of already-safe text to `width` points; never returns an empty list. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  if (measure(font, text, size) <= width && !/\s\s|^\s|\s$/.test(text)) return [text]
  const lines: string[] = []
  let cur = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = cur ? `${cur} ${word}` : word
    if (measure(font, candidate, size) <= width) {
      cur = candidate
      continue
    }
    if (cur) lines.push(cur)
    if (measure(font, word, size) <= width) cur = word
    else {
      const pieces = breakWord(word, font, size, width)
      lines.push(...pieces.slice(0, -1))
      cur = pieces.at(-1) ?? ''
    }
  }
  if (cur || lines.length === 0) lines.push(cur)
  return lines
}

/** At most `max` lines; the last kept line says how many were left out. */
export function capLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines
  return [...lines.slice(0, max - 1), `... +${lines.length - max + 1} more (see CSV)`]
}
