/**
 * Column types of the relations the kysely builders read, so a typo in a column name fails the type check.
 * raw_doj_rows carries the contract's columns as text; the marts an output reads carry their output
 * contract's row type (data-contracts/outputs/), as the database hands them over (BIGINT and DATE as text).
 */
import type { DojRow } from '../data-contracts/doj-extract.contract.ts'
import type { RunParams } from '../data-contracts/manifest.contract.ts'
import type { ExplainCountRow, ExplainSubjectRow } from '../data-contracts/outputs/explain.contract.ts'
import type { MotionCaseRow } from '../data-contracts/outputs/motion-cases.contract.ts'
import type {
  CountyRow,
  DataQualityRow,
  DemographicsRow,
  LayerRow,
  OffenseRow,
  PopulationRow,
  YearRow,
} from '../data-contracts/outputs/public-marts.contract.ts'
import type { SummaryConvictionRow, SummaryPeopleRow } from '../data-contracts/outputs/summary.contract.ts'

export interface RawDojRows extends DojRow {
  filename: string
}

/**
 * A public mart's row as the model writes it, before suppression: no `suppressed` / `rounded` flags, and the
 * numbers suppression may withhold are still numbers.
 */
type MartRow<T> = {
  [K in Exclude<keyof T, 'suppressed' | 'rounded'>]: K extends 'counts' | 'people' ? number : T[K]
}

export interface Database {
  run_params: RunParams
  raw_doj_rows: RawDojRows
  mart_motion_cases: MotionCaseRow
  mart_summary_convictions: SummaryConvictionRow
  mart_summary_people: SummaryPeopleRow
  mart_explain_counts: ExplainCountRow
  mart_explain_subjects: ExplainSubjectRow
  mart_relief_population: PopulationRow
  mart_relief_by_county: MartRow<CountyRow>
  mart_relief_by_year: MartRow<YearRow>
  mart_relief_by_offense: MartRow<OffenseRow>
  mart_relief_by_demographics: MartRow<DemographicsRow>
  mart_relief_by_layer: MartRow<LayerRow>
  /** mart_data_quality also has the unpublished 'incomplete_history' check; the public view adds 'rejected'. */
  mart_data_quality: Omit<MartRow<DataQualityRow>, 'check'> & {
    check: DataQualityRow['check'] | 'incomplete_history'
  }
  mart_public_data_quality: Omit<MartRow<DataQualityRow>, 'check'> & {
    check: DataQualityRow['check'] | 'incomplete_history'
  }
}
