/** Cases the DOJ list missed: court-only cannabis convictions by county (and year), decided by the same rules. */
import { fmtInt } from '../../charts/labels.ts'
import { details, num, table, txt } from '../html.ts'
import { martRows, withheldNote, type ReportData, type Section } from '../report-data.ts'

interface Row {
  county: string
  conviction_year: string
  outcome: string
  counts: number | null
  people: number | null
  suppressed: boolean
}

const OUTCOMES = ['all', 'dismiss', 'reduce', 'review', 'not_eligible'] as const

export function courtOnlySection(data: ReportData): Section {
  const rows = martRows<Row>(data, 'mart_court_only_by_county_year')
  const cell = (county: string, year: string, o: string) =>
    rows.find((r) => r.county === county && r.conviction_year === year && r.outcome === o)
  const count = (county: string, year: string, o: string) => {
    const c = cell(county, year, o)
    return c ? num(c.counts, fmtInt, c.suppressed) : num(0, fmtInt)
  }
  const head = ['', 'Court-only convictions', 'Dismiss', 'Reduce', 'Review', 'Not eligible']
  const counties = [...new Set(rows.filter((r) => r.conviction_year === 'all').map((r) => r.county))]
  const years = [...new Set(rows.filter((r) => r.county === 'all').map((r) => r.conviction_year))]
  const note = rows.some((r) => r.suppressed) ? `<p class="note">${withheldNote(data.minCell)}</p>` : ''
  return {
    id: 'court-only',
    title: 'Cases the DOJ list missed',
    parts: [
      `<p>Cannabis convictions found in the court's own case index that no count of the DOJ extract stands for, each decided by the same statute and policy rules (a felony of a person with no DOJ history goes to review: prior convictions are unknown). Los Angeles found about 58,000 such cases after its DOJ-based review.</p>`,
      table({
        head: ['County', ...head.slice(1)],
        rows: counties.map((c) => [
          txt(c === 'all' ? 'All counties' : c),
          ...OUTCOMES.map((o) => count(c, 'all', o)),
        ]),
        totalRows: [0],
      }) + note,
      details(
        'Table: court-only convictions by year of conviction',
        table({
          head: ['Year', ...head.slice(1)],
          rows: years.map((y) => [
            txt(y === 'all' ? 'All years' : y),
            ...OUTCOMES.map((o) => count('all', y, o)),
          ]),
          totalRows: [0],
        }) + note,
      ),
    ],
  }
}
