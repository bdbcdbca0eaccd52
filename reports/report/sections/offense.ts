/** By offense: code section × conviction level × determination. */
import type { OffenseRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { byOrder, fmtInt } from '../../charts/labels.ts'
import { offenseBars } from '../../charts/offense-bars.ts'
import { details, num, table, txt } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'
import { DETERMINATIONS } from '../../../data-contracts/determinations.ts'

/** Table column order: the total, each determination, then relief. */
const OUTCOMES = ['all', ...DETERMINATIONS, 'relief'] as const
const LEVELS = ['all', 'felony', 'misdemeanor', 'infraction', 'unknown']

export function offenseSection(data: ReportData): Section {
  const rows = martRows<OffenseRow>(data, 'mart_relief_by_offense')
  const keys = [...new Map(rows.map((r) => [`${r.code_section}|${r.conviction_level}`, r])).values()].sort(
    (a, b) =>
      (a.code_section === 'all'
        ? -1
        : b.code_section === 'all'
          ? 1
          : a.code_section.localeCompare(b.code_section)) ||
      byOrder(LEVELS)(a.conviction_level, b.conviction_level),
  )
  const cell = (k: OffenseRow, o: string) =>
    rows.find(
      (r) =>
        r.code_section === k.code_section && r.conviction_level === k.conviction_level && r.outcome === o,
    )
  return {
    id: 'offense',
    title: 'By offense',
    parts: [
      `<p>The code section is as DOJ recorded it (HS 11357 possession, 11358 cultivation, 11359 possession for sale, 11360 sale or transport), with the subsection where the extract has one. The conviction level is the level at conviction. Each statute tier grants a different relief, so the same section can be dismissed at one level and reduced at another.</p>`,
      offenseBars(martTable(data, 'mart_relief_by_offense'), data.ctx),
      details(
        'Table: convictions by code section, level and determination (with section and level totals)',
        table({
          head: [
            'Code section',
            'Level',
            'Convictions decided',
            'Dismiss',
            'Reduce',
            'Review',
            'Not eligible',
            'Granted relief',
          ],
          rows: keys.map((k) => [
            txt(k.code_section === 'all' ? 'All sections' : k.code_section),
            txt(k.conviction_level === 'all' ? 'all levels' : k.conviction_level),
            ...OUTCOMES.map((o) => {
              const c = cell(k, o)
              return c ? num(c.counts, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
            }),
          ]),
          totalRows: keys.flatMap((k, i) =>
            k.code_section === 'all' || k.conviction_level === 'all' ? [i] : [],
          ),
        }) + (rows.some((r) => r.suppressed) ? `<p class="note">${withheldNote(data.minCell)}</p>` : ''),
      ),
    ],
  }
}
