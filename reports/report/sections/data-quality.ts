/** Data quality: rejected input lines, counts in review and why, empty fields, and the span of conviction dates. */
import type { DataQualityRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { fmtInt } from '../../charts/labels.ts'
import { reviewReasons } from '../../charts/review-reasons.ts'
import { esc, num, table, txt, WITHHELD } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'

export function dataQualitySection(data: ReportData): Section {
  const rows = martRows<DataQualityRow>(data, 'mart_data_quality')
  const m = data.manifest
  const rejected = rows.filter((r) => r.check === 'rejected')
  const review = rows.filter((r) => r.check === 'review')
  const missing = rows.filter((r) => r.check === 'missing')
  const range = rows.find((r) => r.check === 'date_range')
  const span = !range
    ? 'no conviction dates'
    : range.suppressed
      ? `${WITHHELD} (fewer than ${data.minCell} people)`
      : `${range.first_date ?? '?'} to ${range.last_date ?? '?'}`
  const parts: Section['parts'] = [
    `<dl class="facts">
<dt>Input lines</dt><dd>${esc(`${fmtInt(m.totals.rows_read)} read, ${fmtInt(m.totals.rows_loaded)} loaded, ${fmtInt(m.totals.rows_rejected)} rejected; ledger ${m.totals.balanced ? 'balances' : 'does NOT balance'}`)}</dd>
<dt>Conviction dates of the counts decided</dt><dd>${esc(span)}</dd>
<dt>Input files</dt><dd>${esc(`${m.inputs.length} file(s); SHA-256 of each in manifest.json`)}</dd>
</dl>`,
  ]
  if (rejected.length)
    parts.push(
      `<h3>Rejected lines</h3><p>Lines the reader could not split into the 95 DOJ fields. They are listed with their line number and text in rejects.csv (not public); here only the kind of error is shown. These count file lines, not people.</p>`,
      table({ head: ['Error', 'Lines'], rows: rejected.map((r) => [txt(r.item), num(r.counts, fmtInt)]) }),
    )
  parts.push(
    `<h3>Counts in review, and why</h3><p>A count goes to review when the rule that would decide it needs a fact the extract does not carry. Review is not a refusal: a person reading the court file can decide it.</p>`,
    reviewReasons(martTable(data, 'mart_data_quality'), data.ctx),
    table({
      head: ['Rule id', 'Reason', 'Convictions', 'People'],
      rows: review.map((r) => [
        txt(r.item === 'all' ? 'All review' : r.item),
        txt(r.item === 'all' ? '' : r.detail),
        num(r.counts, fmtInt, r.suppressed, r.rounded),
        num(r.people, fmtInt, r.suppressed, r.rounded),
      ]),
      totalRows: review.length ? [0] : [],
      className: 'wide-text',
    }),
    `<h3>Fields the extract left empty</h3><p>Counts whose record lacks the field. A missing date of birth sends age-dependent rules to review; a missing race code puts the person in the unknown group of the demographics.</p>`,
    table({
      head: ['Field', 'What is missing', 'Convictions', 'People'],
      rows: missing.map((r) => [
        txt(r.item),
        txt(r.detail),
        num(r.counts, fmtInt, r.suppressed, r.rounded),
        num(r.people, fmtInt, r.suppressed, r.rounded),
      ]),
      className: 'wide-text',
    }),
  )
  if (rows.some((r) => r.suppressed)) parts.push(`<p class="note">${esc(withheldNote(data.minCell))}</p>`)
  return { id: 'data-quality', title: 'Data quality', parts }
}
