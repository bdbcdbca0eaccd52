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

const latin1 = (s: string) => Buffer.from(s, 'latin1')
const ENDSTREAM = latin1('\nendstream\nendobj\n')

/**
 * zlib's fastest level. At 2M lines (222,231 cases) the render workers spent 1.8 CPU-s of their 7.4 in zlib at the
 * default level 6, and 1.1 at level 1, for PDFs about 9% larger (an earlier measure, on 14,734 schedule pages,
 * found under 5% of the render time and kept level 6).
 */
const DEFLATE_LEVEL = 1

/**
 * Writes a PDF page by page: the page count is given first (the page tree lists every page), then each
 * page's content stream is compressed and appended as it is drawn, so no page's stream is kept.
 */
export class PdfWriter {
  private readonly chunks: Uint8Array[] = []
  private readonly offsets: number[] = []
  private readonly hash = createHash('sha256')
  private length = 0
  private added = 0
  private readonly firstPage: number

  constructor(
    readonly pageCount: number,
    fonts: readonly StdFont[],
    size: { width: number; height: number },
    info: PdfInfo,
  ) {
    // Object numbers: 1 catalog, 2 page tree, 3 info, then fonts, then (page, content) pairs.
    const firstFont = 4
    this.firstPage = firstFont + fonts.length
    this.push(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))
    this.object(1, '<< /Type /Catalog /Pages 2 0 R >>')
    const fontDict = fonts.map((f, i) => `/${f.key} ${firstFont + i} 0 R`).join(' ')
    const kids: string[] = []
    for (let i = 0; i < pageCount; i++) kids.push(`${this.pageId(i)} 0 R`)
    this.object(
      2,
      `<< /Type /Pages /Count ${pageCount} /Kids [${kids.join(' ')}] /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << ${fontDict} >> /ProcSet [/PDF /Text] >> >>`,
    )
    this.object(
      3,
      `<< /Title ${pdfString(info.title)} /Subject ${pdfString(info.subject)} /Keywords ${pdfString(info.keywords)} /Creator ${pdfString(info.creator)} /Producer ${pdfString(info.producer)} >>`,
    )
    fonts.forEach((f, i) =>
      this.object(
        firstFont + i,
        `<< /Type /Font /Subtype /Type1 /BaseFont /${f.baseFont} /Encoding /WinAnsiEncoding >>`,
      ),
    )
  }

  private pageId(i: number): number {
    return this.firstPage + 2 * i
  }

  private push(b: Uint8Array): void {
    this.chunks.push(b)
    this.hash.update(b)
    this.length += b.length
  }

  private object(id: number, body: string): void {
    this.offsets[id] = this.length
    this.push(latin1(`${id} 0 obj\n${body}\nendobj\n`))
  }

  /** The next page, from its content stream (Latin-1 text or its bytes; the bytes may be reused after). */
  addPage(content: string | Uint8Array): void {
    if (this.added >= this.pageCount) throw new Error(`PDF has ${this.pageCount} pages; one more added`)
    const id = this.pageId(this.added++)
    this.object(id, `<< /Type /Page /Parent 2 0 R /Contents ${id + 1} 0 R >>`)
    const data = deflateSync(typeof content === 'string' ? latin1(content) : content, {
      level: DEFLATE_LEVEL,
    })
    this.offsets[id + 1] = this.length
    this.push(latin1(`${id + 1} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`))
    this.push(data)
    this.push(ENDSTREAM)
  }

  /** The whole file: a fresh, unpooled array (it may be transferred to another thread). */
  finish(): Uint8Array {
    if (this.added !== this.pageCount) throw new Error(`PDF has ${this.pageCount} pages; ${this.added} added`)
    const count = this.firstPage + 2 * this.pageCount
    const id = this.hash.digest('hex').slice(0, 32)
    const xref = [`xref\n0 ${count}\n0000000000 65535 f \n`]
    for (let i = 1; i < count; i++) xref.push(`${String(this.offsets[i]).padStart(10, '0')} 00000 n \n`)
    const tail = latin1(
      `${xref.join('')}trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${this.length}\n%%EOF\n`,
    )
    const out = new Uint8Array(this.length + tail.length)
    let at = 0
    for (const c of this.chunks) {
      out.set(c, at)
      at += c.length
    }
    out.set(tail, at)
    return out
  }
}

export function writePdf(
  /** Page content streams: Latin-1 text or its bytes. */
  contents: readonly (string | Uint8Array)[],
  fonts: readonly StdFont[],
  size: { width: number; height: number },
  info: PdfInfo,
): Uint8Array {
  const pdf = new PdfWriter(contents.length, fonts, size, info)
  for (const c of contents) pdf.addPage(c)
  return pdf.finish()
}
