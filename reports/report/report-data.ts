/** Everything the report's sections read: the public (suppressed) marts as Arrow tables, plus run facts. */
import type { Table } from 'apache-arrow'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import type { ChartContext, ChartDef } from '../charts/chart.ts'
import { rowsOf } from '../charts/rows.ts'
import type { CountyFeature } from './county-geometry.ts'
import type { PublicMart } from './public-marts.ts'

export interface ReportData {
  runId: string
  asOf: string
  policy: string
  county: string | null
  minCell: number
  manifest: Manifest
  marts: Map<string, PublicMart>
  counties: CountyFeature[]
  ctx: ChartContext
}

export interface Section {
  id: string
  title: string
  /** HTML fragments and charts, in reading order. */
  parts: (string | ChartDef)[]
}

export function martTable(data: ReportData, name: string): Table {
  const m = data.marts.get(name)
  if (!m) throw new Error(`report: mart ${name} was not published`)
  return m.table
}

export const martRows = <T>(data: ReportData, name: string): T[] => rowsOf<T>(martTable(data, name))

/** The sentence every section with a withheld cell repeats. */
export const withheldNote = (minCell: number): string =>
  `(s) = withheld: the number describes fewer than ${minCell} people, or would let such a number be worked out from the totals. ≈ = rounded to the nearest 10 for the same reason (a number of 100 people or more, or a statewide figure, is rounded rather than withheld).`
