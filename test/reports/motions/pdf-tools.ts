/** poppler-utils for tests: text of a PDF, and whether page 1 renders to something other than a blank page. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const has = (cmd: string) => spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined
export const HAS_PDFTOTEXT = has('pdftotext')
export const HAS_PDFTOPPM = has('pdftoppm')
if (!HAS_PDFTOTEXT || !HAS_PDFTOPPM)
  console.warn('poppler-utils (pdftotext/pdftoppm) not installed: PDF text and render checks are SKIPPED')

/** Text of every page, split on form feeds (pdftotext -layout). */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const pages = text.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages
}

/** Renders page 1 at 50 dpi to PNG and to greyscale PGM; returns the PNG bytes and the share of dark pixels. */
export function renderFirstPage(path: string): {
  png: Buffer
  darkShare: number
  width: number
  height: number
} {
  const dir = mkdtempSync(join(tmpdir(), 'relief-render-'))
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, join(dir, 'p')])
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', path, join(dir, 'g')])
  const files = readdirSync(dir)
  const png = readFileSync(
    join(
      dir,
      files.find((f) => f.endsWith('.png'))!,
    ),
  )
  const pgm = readFileSync(
    join(
      dir,
      files.find((f) => f.endsWith('.pgm'))!,
    ),
  )
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = pgm
    .subarray(0, 40)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const p of pixels) if (p < 128) dark++
  return { png, darkShare: dark / pixels.length, width, height }
}
