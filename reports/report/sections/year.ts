/** By year of conviction, stacked by determination. */
import type { YearRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { fmtInt } from '../../charts/labels.ts'
import { yearStacked } from '../../charts/year-stacked.ts'
import { details, num, table, txt } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'
import { DETERMINATIONS } from '../../../data-contracts/determinations.ts'

/** Table column order: the total, each determination, then relief. */
const OUTCOMES = ['all', ...DETERMINATIONS, 'relief'] as const

export function yearSection(data: ReportData): Section {
  const rows = martRows<YearRow>(data, 'mart_relief_by_year')
  const years = [...new Set(rows.map((r) => r.conviction_year))]
  const cell = (y: string, o: string) => rows.find((r) => r.conviction_year === y && r.outcome === o)
  const count = (y: string, o: string) => {
    const c = cell(y, o)
    return c ? num(c.counts, fmtInt, c.suppressed, c.rounded) : num(0, fmtInt)
  }
  return {
    id: 'year',
    title: 'By year of conviction',
    parts: [
      `<p>Old felonies make up most of the relief: HS 11361.8 reaches back to every conviction on record, and possession misdemeanors older than two years were often destroyed before DOJ could list them (HS 11361.5). Offenses committed from 9 November 2016, when Prop 64 took effect, were already judged under its penalties, so those convictions are not eligible.</p>`,
      yearStacked(martTable(data, 'mart_relief_by_year'), data.ctx),
      details(
        'Table: convictions by year and determination',
        table({
          head: [
            'Year',
            'Convictions decided',
            'Dismiss',
            'Reduce',
            'Review',
            'Not eligible',
            'Granted relief',
            'People granted relief',
          ],
          rows: years.map((y) => [
            txt(y === 'all' ? 'All years' : y),
            ...OUTCOMES.map((o) => count(y, o)),
            num(
              cell(y, 'relief')?.people ?? 0,
              fmtInt,
              cell(y, 'relief')?.suppressed,
              cell(y, 'relief')?.rounded,
            ),
          ]),
          totalRows: [0],
        }) + (rows.some((r) => r.suppressed) ? `<p class="note">${withheldNote(data.minCell)}</p>` : ''),
      ),
    ],
  }
}
