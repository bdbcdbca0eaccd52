/**
 * The spreadsheet-safety rule (data-contracts/outputs/spreadsheet-safety.ts) for CSV files DuckDB's COPY
 * writes: every text column of a SELECT is wrapped so a cell that would start a formula gets a leading '.
 */
import { FORMULA_START_CODES } from '../../data-contracts/outputs/spreadsheet-safety.ts'

/**
 * One text expression, made safe. list_contains, not IN: DuckDB rewrites an IN over six constants into a join,
 * and a join does not keep the order of the rows it reads, so a wrapped `select … order by …` (below) came out of
 * order (count_determinations.csv at 2M rows broke its order every few thousand rows).
 */
export const spreadsheetSafeSql = (expr: string): string =>
  `case when list_contains([${FORMULA_START_CODES.join(', ')}], ascii(${expr})) then '''' || ${expr} else ${expr} end`

/**
 * A SELECT whose text columns (named in `textColumns`) are made safe, other columns passed through, in the
 * original column order.
 */
export function spreadsheetSafeSelect(
  select: string,
  columns: readonly { name: string; text: boolean }[],
): string {
  const q = (c: string) => `"${c.replaceAll('"', '""')}"`
  const cols = columns.map((c) => (c.text ? `${spreadsheetSafeSql(q(c.name))} as ${q(c.name)}` : q(c.name)))
  return `select ${cols.join(', ')} from (${select}) as unsafe`
}
