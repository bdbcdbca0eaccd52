/**
 * Text for the PDF standard fonts: they encode WinAnsi only, so typographic characters become their ASCII
 * look-alikes (which also keeps the text searchable and diffable after pdftotext), anything else
 * unencodable loses its accent or becomes '?'. And line wrapping by measured width.
 */
import { WINANSI_SAFE as SAFE, type StdFont } from './std-fonts.ts'

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

/** Most text is plain printable ASCII: nothing to replace. */
const PLAIN = /^[\x20-\x7e]*$/

export function pdfSafe(text: string): string {
  if (PLAIN.test(text)) return text
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

/**
 * Width in points of pdfSafe text, from the font's 256-entry table. No kerning: the text is drawn with
 * plain Tj, which does not kern either.
 */
export function measure(font: StdFont, text: string, size: number): number {
  const table = font.widths
  let w = 0
  for (let i = 0; i < text.length; i++) w += table[text.charCodeAt(i) & 0xff]!
  return w * size
}

/** Cuts one word that is wider than the line into pieces that fit. */
function breakWord(word: string, font: StdFont, size: number, width: number): string[] {
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

/** Widths are summed word by word below; this margin keeps a line that fits by that sum within measure(). */
const EPSILON = 1e-9

/**
 * Greedy word wrap of already-safe text to `width` points; never returns an empty list. Each word is
 * measured once and the line width kept as a running sum, so a long reason costs one pass.
 */
export function wrapText(text: string, font: StdFont, size: number, width: number): string[] {
  if (measure(font, text, size) <= width && !/\s\s|^\s|\s$/.test(text)) return [text]
  const limit = width - EPSILON
  const space = measure(font, ' ', size)
  const lines: string[] = []
  let cur = ''
  let curWidth = 0
  for (const word of text.split(/\s+/)) {
    if (!word) continue
    const w = measure(font, word, size)
    if (cur && curWidth + space + w <= limit) {
      cur += ' ' + word
      curWidth += space + w
      continue
    }
    if (cur) lines.push(cur)
    if (w <= limit) {
      cur = word
      curWidth = w
    } else {
      const pieces = breakWord(word, font, size, width)
      lines.push(...pieces.slice(0, -1))
      cur = pieces.at(-1) ?? ''
      curWidth = measure(font, cur, size)
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
