/**
 * cleanId reads an id exactly as the DOJ result files' filter does, `nullif(trim(x), '')`, with a guard that
 * spares most values the copy: the guard must never change the answer, whatever spaces pad the value.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openDb } from '../../../pipelines/lib/duckdb.ts'
import { lit } from '../../../sql/helpers/quote.ts'
import { clean, cleanId } from '../../../sql/helpers/sql-fragments.ts'

const db = await openDb(':memory:')
afterAll(() => db.close())

async function read(
  value: string,
): Promise<{ id: string | null; trimmed: string | null; text: string | null }> {
  const [row] = await db.rows<{ id: string | null; trimmed: string | null; text: string | null }>(
    `select ${cleanId('v')} as id, nullif(trim(v), '') as trimmed, ${clean('v')} as text from (select ${lit(value)} as v)`,
  )
  return row!
}

// Every Unicode space separator (category Zs), a tab (not one), and characters that are not spaces.
const SPACES = [' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u3000', '\t']

describe('cleanId', () => {
  it('trims every space separator, as trim() does, and leaves a tab', async () => {
    expect((await read('\u00a0300001\u00a0')).id).toBe('300001')
    expect((await read(' 001001\u3000')).id).toBe('001001')
    expect((await read('\t300001')).id).toBe('\t300001')
    expect((await read('\u00a0')).id).toBeNull()
    // Text fields keep the cheaper guard: ASCII padding only.
    expect((await read('\u00a0DOE')).text).toBe('\u00a0DOE')
  })

  it('equals nullif(trim(x), "") for any value (property)', async () => {
    const pad = fc.array(fc.constantFrom(...SPACES), { maxLength: 3 }).map((a) => a.join(''))
    const core = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }))
    await fc.assert(
      fc.asyncProperty(pad, core, pad, async (a, b, c) => {
        const r = await read(a + b + c)
        expect(r.id).toBe(r.trimmed)
      }),
      { numRuns: 300 },
    )
  })
})
