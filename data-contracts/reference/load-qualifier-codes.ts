/**
 * Reader for doj-qualifier-codes.csv: the two-letter codes DOJ writes in OFFENSE_QUAL_LST (several may be
 * listed), each with its category (ATTEMPT, CONSPIRACY, ACCESSORY, REGISTRATION, OTHER) and code section.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export type QualifierCategory = 'ATTEMPT' | 'CONSPIRACY' | 'ACCESSORY' | 'REGISTRATION' | 'OTHER'

export interface QualifierCode {
  qualifier: string
  category: QualifierCategory
  code_section: string
  code_type: string
  meaning: string
}

const COLUMNS = ['qualifier', 'category', 'code_section', 'code_type', 'meaning'] as const
const CATEGORIES: readonly string[] = ['ATTEMPT', 'CONSPIRACY', 'ACCESSORY', 'REGISTRATION', 'OTHER']
const CSV = new URL('./doj-qualifier-codes.csv', import.meta.url)

export function readQualifierCodes(): QualifierCode[] {
  const [header, ...body] = parse(readFileSync(CSV, 'utf8'), { skip_empty_lines: true }) as string[][]
  if (header?.join(',') !== COLUMNS.join(','))
    throw new Error(`${CSV.pathname}: header must be ${COLUMNS.join(',')}, got ${header?.join(',')}`)
  return body.map((f, i) => {
    const [qualifier, category, code_section, code_type, meaning] = f as [
      string,
      string,
      string,
      string,
      string,
    ]
    if (!/^[A-Z]{2}$/.test(qualifier) || !CATEGORIES.includes(category))
      throw new Error(
        `${CSV.pathname}: data row ${i + 1}: bad qualifier or category (${qualifier}, ${category})`,
      )
    return { qualifier, category: category as QualifierCategory, code_section, code_type, meaning }
  })
}

/**
 * The digit forms DOJ (and older extracts) use for the same qualifiers: the section itself, alone or with a
 * code type and subdivisions ("664", "664.1", "PC 182(A)(1)", "32"). Matched on a whole token.
 */
export const QUALIFIER_DIGIT_FORMS: readonly {
  pattern: string
  category: QualifierCategory
  meaning: string
}[] = [
  { pattern: '^664(\\.[1-3])?($|\\()', category: 'ATTEMPT', meaning: 'attempt (PC 664)' },
  { pattern: '^182($|\\()', category: 'CONSPIRACY', meaning: 'conspiracy (PC 182)' },
  { pattern: '^32$', category: 'ACCESSORY', meaning: 'accessory after the fact (PC 32)' },
  { pattern: '^290($|\\.|\\()', category: 'REGISTRATION', meaning: 'registration (PC 290)' },
]
