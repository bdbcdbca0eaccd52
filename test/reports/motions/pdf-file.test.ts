import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { inflateSync } from 'node:zlib'
import { PdfWriter, writePdf } from '../../../reports/motions/pdf-file.ts'
import { PageCanvas } from '../../../reports/motions/page-canvas.ts'
import { FONTS } from '../../../reports/motions/std-fonts.ts'

const INFO = { title: 'T (1)', subject: 's', keywords: 'k', creator: 'c', producer: 'p' }
const SIZE = { width: 612, height: 792 }
const fonts = Object.values(FONTS)

type Op =
  | { kind: 'text'; text: string; x: number; y: number; size: number; grey: number; bold: boolean }
  | { kind: 'line'; x: number; y: number; width: number }
  | { kind: 'rect'; x: number; y: number; grey: number }

const coord = fc.double({ min: -10, max: 800, noNaN: true })
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.string({ unit: fc.constantFrom('a', ' ', '(', ')', '\\', 'é', '9'), maxLength: 8 }),
    x: coord,
    y: coord,
    size: fc.constantFrom(7, 7.5, 11),
    grey: fc.constantFrom(0, 0.35),
    bold: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('line' as const), x: coord, y: coord, width: fc.constantFrom(0.25, 0.5) }),
  fc.record({ kind: fc.constant('rect' as const), x: coord, y: coord, grey: fc.constantFrom(0.9, 0.7) }),
)

function draw(page: PageCanvas, ops: readonly Op[]): void {
  for (const o of ops)
    if (o.kind === 'text') page.text(o.text, o.x, o.y, o.bold ? FONTS.sansBold : FONTS.sans, o.size, o.grey)
    else if (o.kind === 'line') page.line(o.x, o.y, o.x + 10, o.y, o.width, 0.7)
    else page.rect(o.x, o.y, 20, 5, o.grey)
}

describe('PDF file', () => {
  it('property: a reused canvas writes each page as a fresh one would; escaping keeps the text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), (pages) => {
        const reused = new PageCanvas()
        for (const ops of pages) {
          const fresh = new PageCanvas()
          draw(fresh, ops)
          reused.reset()
          draw(reused, ops)
          const a = Buffer.from(fresh.content())
          expect(Buffer.from(reused.content()).equals(a)).toBe(true)
          const s = a.toString('latin1')
          for (const o of ops)
            if (o.kind === 'text' && o.text) expect(s).toContain(`(${o.text.replace(/[\\()]/g, '\\$&')}) Tj`)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('writes page by page the same file as from all the pages at once, with a valid cross-reference', () => {
    const contents = ['BT /F1 7 Tf 0 0 Td (a) Tj ET\n', 'BT /F2 9 Tf 1 1 Td (b \\(c\\)) Tj ET\n', '']
    const whole = writePdf(contents, fonts, SIZE, INFO)
    const w = new PdfWriter(contents.length, fonts, SIZE, INFO)
    for (const c of contents) w.addPage(Buffer.from(c, 'latin1'))
    const streamed = w.finish()
    expect(Buffer.from(streamed).equals(Buffer.from(whole))).toBe(true)
    const text = Buffer.from(whole).toString('latin1')
    // Every xref offset points at its object.
    const start = Number(/startxref\n(\d+)\n/.exec(text)![1])
    const entries = text
      .slice(start)
      .split('\n')
      .slice(3, 3 + 4 + fonts.length + 2 * contents.length - 1)
    entries.forEach((e, i) => expect(text.startsWith(`${i + 1} 0 obj`, Number(e.slice(0, 10)))).toBe(true))
    // The second page's stream inflates back to its content.
    const id = 4 + fonts.length + 3
    const at = text.indexOf(`${id} 0 obj`)
    const from = text.indexOf('stream\n', at) + 7
    const to = text.indexOf('\nendstream', from)
    expect(inflateSync(Buffer.from(whole).subarray(from, to)).toString('latin1')).toBe(contents[1])
  })

  it('refuses a page count that does not match the pages added', () => {
    const w = new PdfWriter(1, fonts, SIZE, INFO)
    expect(() => w.finish()).toThrow(/1 pages; 0 added/)
    w.addPage('')
    expect(() => w.addPage('')).toThrow(/one more added/)
  })
})
