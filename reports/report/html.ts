/** Tiny HTML helpers for the report: escaping, number cells that know about withheld values, tables. */

export const esc = (s: unknown): string =>
  String(s ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

/** Marker printed in place of a withheld number (explained in every section that has one). */
export const WITHHELD = '(s)'

export type CellValue = { text: string; withheld?: boolean; numeric?: boolean; title?: string }

/** Marker before a number rounded to the nearest 10 by the suppression (a complement of 100+ people). */
export const ROUNDED = '≈'

/**
 * A numeric cell: the formatted value, or the withheld marker when the row was suppressed or the value is
 * null; ≈ before a value the suppression rounded.
 */
export function num(
  value: number | null | undefined,
  format: (n: number) => string,
  withheld = false,
  rounded = false,
): CellValue {
  if (withheld || value == null) return { text: WITHHELD, withheld: true, numeric: true, title: 'withheld' }
  if (rounded)
    return { text: `${ROUNDED}${format(value)}`, numeric: true, title: 'rounded to the nearest 10' }
  return { text: format(value), numeric: true }
}

export const txt = (text: string): CellValue => ({ text })
export const na = (): CellValue => ({ text: 'n/a', numeric: true, title: 'not applicable' })

export interface TableSpec {
  caption?: string
  head: string[]
  rows: CellValue[][]
  /** Rows styled as totals (e.g. the first row "All counties"). */
  totalRows?: number[]
  className?: string
}

export function table(t: TableSpec): string {
  const numericCol = (i: number) => i > 0 && (t.rows.length === 0 || t.rows.some((r) => r[i]?.numeric))
  const head = `<thead><tr>${t.head.map((h, i) => `<th scope="col"${numericCol(i) ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`
  const body = t.rows
    .map((r, i) => {
      const cls = t.totalRows?.includes(i) ? ' class="total"' : ''
      const cells = r
        .map((c, j) => {
          const classes = [c.numeric ? 'n' : '', c.withheld ? 'w' : ''].filter(Boolean).join(' ')
          const tag = j === 0 ? 'th scope="row"' : 'td'
          const close = j === 0 ? 'th' : 'td'
          return `<${tag}${classes ? ` class="${classes}"` : ''}${c.title ? ` title="${esc(c.title)}"` : ''}>${esc(c.text)}</${close}>`
        })
        .join('')
      return `<tr${cls}>${cells}</tr>`
    })
    .join('\n')
  const caption = t.caption ? `<caption>${esc(t.caption)}</caption>` : ''
  return `<div class="table-wrap"><table${t.className ? ` class="${t.className}"` : ''}>${caption}${head}<tbody>\n${body}\n</tbody></table></div>`
}

/** A table folded away by default (long lists), with a visible summary line. */
export const details = (summary: string, inner: string, open = false): string =>
  `<details${open ? ' open' : ''}><summary>${esc(summary)}</summary>${inner}</details>`

export const p = (text: string): string => `<p>${esc(text)}</p>`
