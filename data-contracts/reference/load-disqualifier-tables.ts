/**
 * Readers for the two disqualifier tables beside this file (see disqualifier-sections.md):
 * PC 667(e)(2)(C)(iv) super-strikes and PC 290(c) registrable offenses. Each row is an RE2 pattern
 * (DuckDB `regexp_matches`) over a normalised code section such as `PC 288(A)` or `PC 245(D)(3)`.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export interface SectionPattern {
  pattern: string
  offense: string
  clause: string
  citation: string
  note: string
}

/** The header both CSVs must carry, in this order. */
export const SECTION_PATTERN_COLUMNS = ['pattern', 'offense', 'clause', 'citation', 'note'] as const

const SUPERSTRIKE_CSV = new URL('./superstrike-sections.csv', import.meta.url)
const PC290C_CSV = new URL('./pc290c-sections.csv', import.meta.url)

function readSectionTable(url: URL): SectionPattern[] {
  const rows = parse(readFileSync(url, 'utf8'), { skip_empty_lines: true })
  const [header, ...body] = rows
  if (header?.join(',') !== SECTION_PATTERN_COLUMNS.join(',')) {
    throw new Error(
      `${url.pathname}: header must be ${SECTION_PATTERN_COLUMNS.join(',')}, got ${header?.join(',')}`,
    )
  }
  return body.map((fields, i) => {
    if (fields.length !== SECTION_PATTERN_COLUMNS.length) {
      throw new Error(`${url.pathname}: data row ${i + 1} has ${fields.length} fields, expected 5`)
    }
    const [pattern, offense, clause, citation, note] = fields as [string, string, string, string, string]
    return { pattern, offense, clause, citation, note }
  })
}

/** PC 667(e)(2)(C)(iv) super-strikes; `clause` is the sub-clause, e.g. `(IV)` or `(I); (VIII)`. */
export function readSuperstrikeSections(): SectionPattern[] {
  return readSectionTable(SUPERSTRIKE_CSV)
}

/** Offenses requiring registration under PC 290(c), as the list stood when Prop 64 took effect (2016-11-09). */
export function readPc290cSections(): SectionPattern[] {
  return readSectionTable(PC290C_CSV)
}
