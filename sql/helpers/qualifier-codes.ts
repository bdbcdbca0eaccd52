/**
 * How a token of OFFENSE_QUAL_LST becomes a qualifier ('CODE:CATEGORY', NULL when not one): one definition for the
 * SQL staging, which tokenises each line, and the native reader's path, which hands over the tokens it found.
 */
import { lit } from './quote.ts'
import {
  QUALIFIER_DIGIT_FORMS,
  readQualifierCodes,
} from '../../data-contracts/reference/load-qualifier-codes.ts'

/** The tokens: runs of letters, and digit forms with their subdivisions ("664", "182(A)(1)"). */
export const QUALIFIER_TOKEN_RE = '[A-Z]+|[0-9]+(?:\\.[0-9]+)?(?:\\([0-9A-Z]+\\))*'

/** A two-letter code `p` (a column or lambda variable) as 'EB:CONSPIRACY'; NULL for a code not in the table. */
export function letterQualifier(p: string): string {
  const codes = readQualifierCodes()
  return `${p} || ':' || case ${p} ${codes.map((c) => `when ${lit(c.qualifier)} then ${lit(c.category)}`).join(' ')} end`
}

/** A digit form `t` as '664:ATTEMPT'; NULL for one that names no qualifier. */
export const digitQualifier = (t: string): string =>
  `${t} || ':' || case ${QUALIFIER_DIGIT_FORMS.map((d) => `when regexp_matches(${t}, ${lit(d.pattern)}) then ${lit(d.category)}`).join(' ')} end`

/** A list of qualifiers (`qualifier_codes`) holds one of a category. */
export const hasQualifier = (category: string): string =>
  `len(list_filter(qualifier_codes, x -> x like '%:${category}')) > 0`

/**
 * The qualifiers that make a conviction an attempt, and a conspiracy. EH (21 USC 846, federal "attempt or
 * conspiracy") does not say which: it is read as an attempt (review), never as a conspiracy (not eligible), so the
 * doubt goes to a person, not to a bar. The 664/182 prefix of the charge text is the other sign of each.
 */
export const ATTEMPT_QUALIFIER = `${hasQualifier('ATTEMPT')} or list_contains(qualifier_codes, 'EH:CONSPIRACY')`
export const CONSPIRACY_QUALIFIER = `len(list_filter(qualifier_codes, x -> x like '%:CONSPIRACY' and x <> 'EH:CONSPIRACY')) > 0`
