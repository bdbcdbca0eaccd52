/** Arrow tables as plain rows, for Vega-Lite inline data and HTML tables. */
import { DataType, type Table } from 'apache-arrow'

export function rowsOf<T = Record<string, unknown>>(table: Table): T[] {
  const dateCols = table.schema.fields.filter((f) => DataType.isDate(f.type)).map((f) => f.name)
  return table.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>
    for (const c of dateCols) if (o[c] != null) o[c] = new Date(o[c] as number).toISOString().slice(0, 10)
    return o as T
  })
}

/** Published (not withheld) rows matching `keep`. */
export function publishedRows<T extends { suppressed?: boolean | null }>(
  rows: T[],
  keep: (r: T) => boolean,
): T[] {
  return rows.filter((r) => !r.suppressed && keep(r))
}
