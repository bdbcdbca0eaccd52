/**
 * A whole PDF file from page content streams: catalog, one page tree carrying the shared resources (the
 * standard fonts) and the page size, one small page object and one Flate-compressed content stream per page,
 * the document information, a cross-reference table and a trailer. No clock and no random id: the file ID
 * is a hash of the file's own body, so the same pages and info give the same bytes.
 */
import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import type { StdFont } from './std-fonts.ts'

export interface PdfInfo {
  title: string
  subject: string
  keywords: string
  creator: string
  producer: string
}

/** Text of the info dictionary, already WinAnsi-safe (Latin-1 = PDFDocEncoding there). */
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&')})`

export function writePdf(
  /** Page content streams: Latin-1 text or its bytes. */
  contents: readonly (string | Uint8Array)[],
  fonts: readonly StdFont[],
  size: { width: number; height: number },
  info: PdfInfo,
): Uint8Array {
  const chunks: Buffer[] = []
  const offsets: number[] = []
  const hash = createHash('sha256')
  let length = 0
  const push = (b: Buffer) => {
    chunks.push(b)
    hash.update(b)
    length += b.length
  }
  const object = (id: number, body: string | Buffer[]) => {
    offsets[id] = length
    if (typeof body === 'string') push(Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1'))
    else {
      push(Buffer.from(`${id} 0 obj\n`, 'latin1'))
      for (const b of body) push(b)
      push(Buffer.from('\nendobj\n', 'latin1'))
    }
  }

  // Object numbers: 1 catalog, 2 page tree, 3 info, then fonts, then (page, content) pairs.
  const firstFont = 4
  const firstPage = firstFont + fonts.length
  const pageId = (i: number) => firstPage + 2 * i
  push(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'))
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  const fontDict = fonts.map((f, i) => `/${f.key} ${firstFont + i} 0 R`).join(' ')
  const kids = contents.map((_, i) => `${pageId(i)} 0 R`).join(' ')
  object(
    2,
    `<< /Type /Pages /Count ${contents.length} /Kids [${kids}] /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << ${fontDict} >> /ProcSet [/PDF /Text] >> >>`,
  )
  object(
    3,
    `<< /Title ${pdfString(info.title)} /Subject ${pdfString(info.subject)} /Keywords ${pdfString(info.keywords)} /Creator ${pdfString(info.creator)} /Producer ${pdfString(info.producer)} >>`,
  )
  fonts.forEach((f, i) =>
    object(
      firstFont + i,
      `<< /Type /Font /Subtype /Type1 /BaseFont /${f.baseFont} /Encoding /WinAnsiEncoding >>`,
    ),
  )
  contents.forEach((content, i) => {
    const id = pageId(i)
    object(id, `<< /Type /Page /Parent 2 0 R /Contents ${id + 1} 0 R >>`)
    const data = deflateSync(typeof content === 'string' ? Buffer.from(content, 'latin1') : content)
    object(id + 1, [
      Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ])
  })

  const count = firstPage + 2 * contents.length
  const id = hash.digest('hex').slice(0, 32)
  const xref = [`xref\n0 ${count}\n0000000000 65535 f \n`]
  for (let i = 1; i < count; i++) xref.push(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`)
  const start = length
  chunks.push(
    Buffer.from(
      `${xref.join('')}trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${start}\n%%EOF\n`,
      'latin1',
    ),
  )
  length += chunks.at(-1)!.length
  // A fresh, unpooled array: it may be transferred to another thread.
  const out = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
