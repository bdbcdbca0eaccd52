/**
 * The Arrow hand-off: a query's result as an Apache Arrow table with explicit column types (counts stay
 * Int32 with nulls for withheld cells, instead of the Float64 that type inference would pick), and the IPC
 * file analysts open in R (arrow::read_feather), pandas (pyarrow.ipc) or Observable without parsing.
 * @duckdb/node-api 1.5 has no Arrow export, so columns are read as JS values and built into vectors.
 */
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from 'apache-arrow'
import type { Db } from '../lib/duckdb.ts'

const ARROW_TYPES: Record<string, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
  DATE: () => new DateDay(),
}

/** Runs `sql` and returns its rows as an Arrow table; cast in SQL to VARCHAR/INTEGER/DOUBLE/BOOLEAN/DATE. */
export async function queryArrow(db: Db, sql: string): Promise<Table> {
  const reader = await db.con.runAndReadAll(sql)
  const names = reader.columnNames()
  const types = reader.columnTypes().map(String)
  const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>
  const vectors = Object.fromEntries(
    names.map((name, i) => {
      const make = ARROW_TYPES[types[i]!]
      if (!make)
        throw new Error(`column ${name}: cast ${types[i]} to one of ${Object.keys(ARROW_TYPES).join(', ')}`)
      return [name, vectorFromArray(columns[name] ?? [], make())]
    }),
  )
  return new Table(vectors)
}

/** Arrow IPC file format (the .arrow / Feather v2 layout). */
export const arrowFileBytes = (table: Table): Uint8Array => tableToIPC(table, 'file')
