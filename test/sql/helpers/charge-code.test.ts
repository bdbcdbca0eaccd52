/**
 * The charge-code fragments: staging reads the attempt/conspiracy prefix and a registration's section per line
 * with cheap guarded forms; they must agree with the full parse stg_charge_codes runs once per text.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { CODE_RE, codePrefix, codeSection, parseCode } from '../../../sql/helpers/charge-code.ts'

const db = await openDb(':memory:')
afterAll(() => db.close())

async function read(text: string | null) {
  const t = text === null ? 'null::varchar' : lit(text)
  const [row] = await db.rows<{
    prefix: string | null
    section: string | null
    full: { prefix: string; section: string } | null
  }>(
    `select ${codePrefix('t')} as prefix, ${codeSection('t')} as section, ${parseCode('t')} as full from (select ${t} as t)`,
  )
  return row!
}

describe('charge-code fragments', () => {
  it('the prefix: 664 (attempt), 182 (conspiracy), else empty; NULL only for no text', async () => {
    expect((await read('664/187 PC-ATTEMPTED MURDER')).prefix).toBe('664')
    expect((await read('182(A)(1)/11360 HS-CONSPIRACY')).prefix).toBe('182')
    expect((await read('11359 HS-POSS MARIJ FOR SALE')).prefix).toBe('')
    // A 664 that is not a prefix (a section, a word) is no attempt.
    expect((await read('664 PC-SOMETHING')).prefix).toBe('')
    expect((await read('MARIJUANA 182')).prefix).toBe('')
    expect((await read(null)).prefix).toBeNull()
  })

  it('the section of a registration step: "290" from "290 PC-…", spaces dropped; NULL when it does not parse', async () => {
    expect((await read('290 PC-REGISTER SEX OFFENDER')).section).toBe('290')
    expect((await read('288 A(C) PC-ORAL COPULATION')).section).toBe('288A')
    expect((await read('REGISTRANT')).section).toBeNull()
  })

  it('property: the guarded prefix and section agree with the full parse of any charge-like text', async () => {
    const text = fc
      .tuple(
        fc.constantFrom('', ' ', '664/', '664.1/', '182/', '182(A)(1)/', '664 /', 'X/'),
        fc.constantFrom('187', '11359', '288 A', '273AB', '664', '182', '290'),
        fc.constantFrom('', '(A)', '(C)(2)'),
        fc.constantFrom(' PC', 'HS', ' WIC', ''),
        fc.constantFrom('-OFFENSE', ' 664', ''),
      )
      .map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const r = await read(t)
        expect(r.prefix).toBe(r.full!.prefix)
        expect(r.section).toBe(r.full!.section.replaceAll(' ', '') || null)
      }),
      { numRuns: 150 },
    )
  })

  it('the regex is the one the models parse with', () => {
    expect(parseCode('t')).toContain(CODE_RE)
  })
})
