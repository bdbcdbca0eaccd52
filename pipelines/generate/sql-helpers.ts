/**
 * Small SQL builders for the generator: literal tables, seeded hash macros and bucket tables
 * (weighted choice as an equi-join, which is reproducible and far faster than a range or ASOF join).
 */
import { lit } from '../../sql/helpers/quote.ts'

export type SqlValue = string | number | boolean | null

/** A literal value as SQL: strings quoted, null as NULL. */
export function sqlValue(v: SqlValue): string {
  if (v === null) return 'NULL'
  if (typeof v === 'string') return lit(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`)
  return String(v)
}

/** `CREATE TABLE name AS SELECT * FROM (VALUES ...) t(cols)` with explicit column types. */
export function valuesTable(
  name: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly (readonly SqlValue[])[],
): string {
  if (rows.length === 0) throw new Error(`table ${name} has no rows`)
  const body = rows
    .map((r) => {
      if (r.length !== columns.length) throw new Error(`table ${name}: row has ${r.length} values`)
      return '(' + r.map((v, i) => `CAST(${sqlValue(v)} AS ${columns[i]![1]})`).join(', ') + ')'
    })
    .join(',\n  ')
  const cols = columns.map((c) => c[0]).join(', ')
  return `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES\n  ${body}\n) t(${cols})`
}

/** splitmix64 of the seed, as a signed 64-bit SQL literal: spreads small seeds over all bits. */
export function seedMix(seed: number): string {
  const m = (1n << 64n) - 1n
  let z = (BigInt(seed) + 0x9e3779b97f4a7c15n) & m
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & m
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & m
  z = z ^ (z >> 31n)
  return String(BigInt.asIntN(64, z))
}

/**
 * Seeded hash macros. hash() of the same typed value is the same on every thread and run, unlike
 * random(). Each draw hashes ONE value, key * 4096 + salt (salts < 4096) xor the mixed seed: DuckDB's
 * multi-argument hash() combines its parts so weakly that draws differing only in salt correlate ~0.9.
 */
export function seededMacros(seed: number): string[] {
  return [
    `CREATE OR REPLACE MACRO h(k, salt) AS hash(xor(CAST(k AS BIGINT) * 4096 + CAST(salt AS BIGINT), CAST(${seedMix(seed)} AS BIGINT)))`,
    // uniform in [0, 1) from the top 53 bits
    `CREATE OR REPLACE MACRO u(k, salt) AS CAST(h(k, salt) >> 11 AS DOUBLE) / 9007199254740992.0`,
    // integer in [lo, hi]
    `CREATE OR REPLACE MACRO ri(k, salt, lo, hi) AS CAST(lo AS BIGINT) + CAST(h(k, salt) % CAST(hi - lo + 1 AS UBIGINT) AS BIGINT)`,
    // bucket in [0, 2^bits)
    `CREATE OR REPLACE MACRO hb(k, salt, bits) AS CAST(h(k, salt) & CAST((1 << bits) - 1 AS UBIGINT) AS INTEGER)`,
  ]
}

/**
 * Bucket table for a weighted choice: `name(pk INTEGER, bucket INTEGER, item INTEGER)`, 2^bits buckets
 * per key pk (the weights' k), each item getting a share of buckets proportional to its integer weight. `weightsSql`
 * must yield (k, item, w) with w a non-negative integer. Integer arithmetic keeps it exact.
 */
export function bucketTable(name: string, weightsSql: string, bits: number): string {
  const n = 2 ** bits
  return `CREATE OR REPLACE TABLE ${name} AS
WITH w AS (SELECT CAST(k AS INTEGER) AS k, CAST(item AS INTEGER) AS item, CAST(w AS BIGINT) AS w FROM (${weightsSql}) WHERE w > 0),
c AS (
  SELECT k, item, w,
    SUM(w) OVER (PARTITION BY k ORDER BY item ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS hi,
    SUM(w) OVER (PARTITION BY k) AS tot
  FROM w
)
-- item owns buckets b with lo <= b * tot / n < hi, i.e. b from ceil(lo * n / tot) to ceil(hi * n / tot) - 1
SELECT k AS pk, CAST(unnest(range(
    CAST(((hi - w) * ${n} + tot - 1) // tot AS BIGINT), CAST((hi * ${n} + tot - 1) // tot AS BIGINT))) AS INTEGER) AS bucket,
  item
FROM c`
}

/** SQL date literal. */
export function dateLit(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`)
  return `DATE '${iso}'`
}

/** A SQL list literal of strings, for cheap 1-based indexing by a hashed position. */
export function listLit(items: readonly string[]): string {
  return '[' + items.map(lit).join(', ') + ']'
}
