/** By county: choropleth of relief per capita, ranked bars, and the full table. */
import type { CountyRow } from '../../../data-contracts/outputs/public-marts.contract.ts'
import { countyName, fmtInt } from '../../charts/labels.ts'
import { countyMap } from '../../charts/county-map.ts'
import { countyRanked } from '../../charts/county-ranked.ts'
import { HATCH_ID } from '../render-chart.ts'
import { details, num, table, txt, type CellValue } from '../html.ts'
import { martRows, martTable, withheldNote, type ReportData, type Section } from '../report-data.ts'
import { DETERMINATIONS } from '../../../data-contracts/determinations.ts'

/** Table column order: the total, each determination, then relief. */
const OUTCOMES = ['all', ...DETERMINATIONS, 'relief'] as const

export function countySection(data: ReportData): Section {
  const table_ = martTable(data, 'mart_relief_by_county')
  const rows = martRows<CountyRow>(data, 'mart_relief_by_county')
  const counties = [...new Set(rows.map((r) => r.county))]
  const cell = (county: string, outcome: string) =>
    rows.find((r) => r.county === county && r.outcome === outcome)
  const tableRows: CellValue[][] = counties.map((c) => {
    const all = cell(c, 'all')
    const relief = cell(c, 'relief')
    return [
      txt(c === 'all' ? 'Total' : countyName(c)),
      num(all?.residents, fmtInt),
      ...OUTCOMES.map((o) => num(cell(c, o)?.counts, fmtInt, cell(c, o)?.suppressed, cell(c, o)?.rounded)),
      num(relief?.people, fmtInt, relief?.suppressed, relief?.rounded),
      num(relief?.counts_per_100k, (n) => n.toFixed(1), relief?.suppressed, relief?.rounded),
      num(relief?.people_per_100k, (n) => n.toFixed(1), relief?.suppressed, relief?.rounded),
    ]
  })
  const withheld = rows.filter((r) => r.suppressed).length
  return {
    id: 'county',
    title: 'By county',
    parts: [
      `<p>Counties are those of the court that convicted. The rate divides convictions granted relief by the county's 2020 Census residents (all ages) and multiplies by 100,000; a small county with a handful of old cases can rank high, so read the rate beside the count.</p>`,
      countyMap(data.counties, table_, data.ctx, HATCH_ID),
      countyRanked(table_, data.ctx),
      details(
        `Table: convictions by determination and rate per 100,000 residents, ${counties.length - 1} ${counties.length === 2 ? 'county' : 'counties'}`,
        table({
          head: [
            'County',
            'Residents (2020)',
            'Convictions decided',
            'Dismiss',
            'Reduce',
            'Review',
            'Not eligible',
            'Granted relief',
            'People granted relief',
            'Relief per 100,000 residents',
            'People granted relief per 100,000',
          ],
          rows: tableRows,
          totalRows: [0],
        }) + (withheld ? `<p class="note">${withheldNote(data.minCell)}</p>` : ''),
      ),
    ],
  }
}
