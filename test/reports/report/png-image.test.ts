import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { crc32, inflateSync } from 'node:zlib'
import { pngOfRgba } from '../../../reports/report/png-image.ts'

/** The chunks of a PNG file, each with whether its CRC is right. */
function chunks(png: Buffer) {
  const out: { type: string; data: Buffer; crcOk: boolean }[] = []
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + len)
    out.push({
      type,
      data,
      crcOk: png.readUInt32BE(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len)),
    })
    at += 12 + len
  }
  return out
}

describe('pngOfRgba', () => {
  it('writes the signature, a header, the pixels row by row behind filter byte 0, and the end', () => {
    const rgba = Uint8Array.from([
      255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 8, 7, 6, 1, 2, 3, 4, 5, 6, 7, 8,
    ])
    const png = pngOfRgba(3, 2, rgba)
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
    const c = chunks(png)
    expect(c.map((x) => x.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(c.every((x) => x.crcOk)).toBe(true)
    const h = c[0]!.data
    expect([h.readUInt32BE(0), h.readUInt32BE(4), ...h.subarray(8)]).toEqual([3, 2, 8, 6, 0, 0, 0])
    expect([...inflateSync(c[1]!.data)]).toEqual([0, ...rgba.subarray(0, 12), 0, ...rgba.subarray(12)])
    expect(c[2]!.data.length).toBe(0)
  })

  it('gives back any image exactly, and the same bytes twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.uint8Array({ minLength: 324, maxLength: 324 }),
        (w, h, bytes) => {
          const rgba = bytes.subarray(0, w * h * 4)
          const png = pngOfRgba(w, h, rgba)
          expect(png.equals(pngOfRgba(w, h, rgba))).toBe(true)
          const rows = inflateSync(chunks(png)[1]!.data)
          for (let y = 0; y < h; y++) {
            expect(rows[y * (w * 4 + 1)]).toBe(0)
            expect([...rows.subarray(y * (w * 4 + 1) + 1, (y + 1) * (w * 4 + 1))]).toEqual([
              ...rgba.subarray(y * w * 4, (y + 1) * w * 4),
            ])
          }
        },
      ),
    )
  })

  it('refuses pixels that are not the size it is told', () => {
    expect(() => pngOfRgba(2, 2, new Uint8Array(15))).toThrow(/15 bytes are not 2 × 2 RGBA pixels/)
    expect(() => pngOfRgba(0, 2, new Uint8Array(0))).toThrow(/no image of 0 × 2/)
  })
})
