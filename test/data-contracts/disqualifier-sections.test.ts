/**
 * The disqualifier tables (data-contracts/reference/superstrike-sections.csv and pc290c-sections.csv):
 * shape, citations, that every pattern compiles in DuckDB, that DuckDB reads the files exactly as the loader
 * does (the pipeline reads them with read_csv), and hand-made truth tables matched with regexp_matches.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDBInstance } from '@duckdb/node-api'
import type { DuckDBConnection } from '@duckdb/node-api'
import {
  readPc290cSections,
  readSuperstrikeSections,
  SECTION_PATTERN_COLUMNS,
} from '../../data-contracts/reference/load-disqualifier-tables.ts'
import type { SectionPattern } from '../../data-contracts/reference/load-disqualifier-tables.ts'

type TableName = 'superstrike' | 'pc290c'

const TABLES: Record<TableName, { file: string; read: () => SectionPattern[]; citation: string }> = {
  superstrike: {
    file: 'superstrike-sections.csv',
    read: readSuperstrikeSections,
    citation: 'PC 667(e)(2)(C)(iv)',
  },
  pc290c: { file: 'pc290c-sections.csv', read: readPc290cSections, citation: 'PC 290(c)' },
}

const csvPath = (file: string) =>
  fileURLToPath(new URL(`../../data-contracts/reference/${file}`, import.meta.url))

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`

/** [normalised code section, super-strike?, PC 290(c)?, why] */
type Case = [section: string, superstrike: boolean, pc290c: boolean, why: string]

const CASES: Case[] = [
  // (IV) homicide, PC 187 to 191.5
  ['PC 187', true, false, 'murder, bare section'],
  ['PC 187(A)', true, false, 'murder as CJIS writes it; an attempt is the same string plus a 664 qualifier'],
  ['PC 1870', false, false, 'anchored: not 187'],
  ['PC 18700', false, false, 'anchored: not 187'],
  ['PC 664', false, false, 'the attempt statute alone is no offense; attempted murder is PC 187 + qualifier'],
  ['PC 187/190.2', true, false, 'combined string matches on its first section'],
  ['PC 190.2(A)(17)', true, false, 'special-circumstance murder'],
  ['PC 191.5(A)', true, false, 'gross vehicular manslaughter while intoxicated'],
  ['PC 191.5(B)', true, false, 'vehicular manslaughter while intoxicated is inside 187-191.5'],
  ['PC 192(A)', false, false, 'voluntary manslaughter lies outside 187-191.5'],
  ['PC 192.5(A)', false, false, 'vessel manslaughter lies outside 187-191.5'],
  ['HS 187', false, false, 'code type is part of the match'],
  // (V), (VI), (VII)
  ['PC 653F(B)', true, false, 'solicitation of murder'],
  ['PC 653F(A)', false, false, 'solicitation of other felonies'],
  ['PC 653F', false, false, 'bare 653f: subdivision unknown'],
  ['PC 653F(C)', false, true, 'solicitation of forcible sex offenses'],
  ['PC 245(D)(3)', true, false, 'machine gun on a peace officer'],
  ['PC 245(A)(1)', false, false, 'assault with a deadly weapon'],
  ['PC 245(A)(3)', false, false, 'machine gun, any person: not (VI)'],
  ['PC 245(D)(1)', false, false, 'firearm on a peace officer'],
  ['PC 11418(A)(1)', true, false, 'possession of a weapon of mass destruction'],
  ['PC 11418(A)(2)', false, false, 'not (a)(1)'],
  ['PC 11418(B)(1)', true, false, 'use of a WMD against a person: life'],
  // (I), (II), (III) sex offenses, and their 290(c) side
  ['PC 288(A)', true, true, 'lewd act on a child under 14: (III) and 290(c)'],
  ['PC 288(B)(1)', true, true, 'forcible lewd act on a child under 14'],
  ['PC 288(C)(1)', false, true, 'child of 14 or 15: registrable, not a super-strike'],
  ['PC 288', false, true, 'bare 288: subsection unknown, registrable either way'],
  ['PC 288A(C)(2)(A)', true, true, 'forcible oral copulation (former 288a)'],
  ['PC 287(C)(1)', true, true, 'oral copulation, child under 14, 10+ years younger (II)'],
  ['PC 287(D)(1)(A)', true, true, 'oral copulation in concert by force'],
  ['PC 288A(D)(3)', false, true, 'meaning changed around 2011: not matched as a super-strike'],
  ['PC 288A(B)(1)', false, true, 'oral copulation with a minor: registrable (2016 list)'],
  ['PC 286(C)(1)', true, true, 'sodomy, child under 14, 10+ years younger (II)'],
  ['PC 286(C)(2)(B)', true, true, 'forcible sodomy, child under 14'],
  ['PC 286(D)(1)', true, true, 'sodomy in concert by force'],
  ['PC 286(B)(1)', false, true, 'sodomy with a minor: registrable (2016 list)'],
  ['PC 286', false, true, 'bare 286'],
  ['PC 289(A)(1)(A)', true, true, 'forcible sexual penetration'],
  ['PC 289(J)', true, true, 'penetration, child under 14, 10+ years younger (II)'],
  ['PC 289(H)', false, true, 'penetration with a minor'],
  ['PC 289', false, true, 'bare 289'],
  ['PC 261(A)(2)', true, true, 'rape by force'],
  ['PC 261(2)', true, true, 'rape by force, 1980s numbering without (a)'],
  ['PC 261(A)(6)', true, true, 'rape by threat to retaliate'],
  ['PC 261(A)(3)', false, true, 'rape of an intoxicated victim: registrable, no force element'],
  ['PC 261(A)(4)(B)', false, true, 'rape of an unconscious victim'],
  ['PC 261(A)(5)', false, false, 'rape by fraud: court-ordered registration only'],
  ['PC 261(A)(7)', false, false, 'rape by threat of official authority: not in 290(c)'],
  ['PC 261', false, false, 'bare 261: paragraph unknown'],
  ['PC 261.5(C)', false, false, 'unlawful intercourse with a minor: not in 290(c)'],
  ['PC 262(A)(1)', true, true, 'spousal rape by force (290(c) also needs a prison sentence)'],
  ['PC 262(A)(4)', true, false, 'spousal rape by threat to retaliate: (I), not in 290(c)'],
  ['PC 262(A)(2)', false, false, 'meaning changed in the 1990s: not matched'],
  ['PC 264(C)(1)', true, true, 'forcible rape of a child under 14 under its punishment subdivision'],
  ['PC 264.1(A)', true, true, 'rape in concert by force'],
  ['PC 269(A)(1)', true, true, 'aggravated sexual assault of a child'],
  ['PC 288.5(A)', true, true, 'continuous sexual abuse of a child'],
  ['PC 288.7(A)', true, true, 'sexual act with a child 10 or younger: 25 to life'],
  ['PC 288.2(A)(1)', false, false, '290(c) lists only a felony 288.2; the level is not in the string'],
  ['PC 288.3(A)', false, true, 'contacting a minor with sexual intent'],
  ['PC 288.4(B)', false, true, 'arranging a meeting with a minor'],
  ['PC 220(B)', true, true, 'assault with intent to rape during first-degree burglary: life'],
  ['PC 220(A)(2)', false, true, 'assault on a minor with intent to commit a sex offense'],
  ['PC 220(A)(1)', false, false, 'may be assault to commit mayhem'],
  ['PC 220', false, false, 'bare 220: may be assault to commit mayhem'],
  ['PC 207(B)', false, true, 'kidnapping a child under 14 for a 288 act'],
  ['PC 207(A)', false, false, 'kidnapping: intent not in the data'],
  ['PC 208(D)', false, true, 'former kidnapping with intent to commit a sex offense'],
  ['PC 209(B)(1)', true, false, 'kidnapping to commit robbery or a sex offense: life'],
  ['PC 209.5(A)', true, false, 'kidnapping during a carjacking: life'],
  ['PC 236.1(C)', false, true, 'trafficking of a minor for a commercial sex act'],
  ['PC 236.1(A)', false, false, 'labor trafficking'],
  ['PC 243.4(E)(1)', false, true, 'misdemeanor sexual battery'],
  ['PC 266', false, true, 'enticing a minor into prostitution'],
  ['PC 266A', false, false, 'a different section from 266'],
  ['PC 266C', false, true, 'inducing a sexual act by fear'],
  ['PC 266H(A)', false, false, 'pimping an adult'],
  ['PC 266H(B)(2)', false, true, 'pimping a minor under 16'],
  ['PC 266I(B)(1)', false, true, 'pandering a minor'],
  ['PC 266J', false, true, 'procuring a child for a lewd act'],
  ['PC 267', false, true, 'abducting a minor for prostitution'],
  ['PC 285', false, true, 'incest'],
  ['PC 311.1(A)', false, true, 'obscene matter depicting a minor'],
  ['PC 311.2(A)', false, false, 'obscene matter in general'],
  ['PC 311.2(B)', false, true, 'commercial obscene matter depicting a minor'],
  ['PC 311.3(A)', false, true, 'sexual exploitation of a child'],
  ['PC 311.4(B)', false, true, 'using a minor for obscene matter'],
  ['PC 311.10(A)', false, true, 'advertising obscene matter depicting a minor'],
  ['PC 311.11(A)', false, true, 'possessing obscene matter depicting a minor'],
  ['PC 314(1)', false, true, 'indecent exposure, subdivision 1'],
  ['PC 314.1', false, true, 'indecent exposure as CJIS writes subdivision 1'],
  ['PC 647.6(A)(1)', false, true, 'annoying or molesting a child'],
  ['PC 647A', false, true, 'former 647a'],
  ['PC 647(A)', false, false, 'lewd conduct in public: court-ordered registration only'],
  ['PC 290', false, false, 'failure to register is not itself a 290(c) offense'],
  // (VIII) punishable by death or life
  ['PC 37(A)', true, false, 'treason'],
  ['PC 128', true, false, 'perjury procuring an execution'],
  ['PC 203', false, false, 'mayhem: determinate term'],
  ['PC 205', true, false, 'aggravated mayhem: life'],
  ['PC 206', true, false, 'torture'],
  ['PC 206.1', true, false, 'torture, punishment section'],
  ['PC 217.1(B)', true, false, 'attempted murder of a public official'],
  ['PC 217.1(A)', false, false, 'assault on a public official'],
  ['PC 218', true, false, 'train wrecking'],
  ['PC 219', true, false, 'attempted train wrecking'],
  ['PC 218.1', false, false, 'obstructing a railroad: wobbler'],
  ['PC 219.1', false, false, 'throwing at a common carrier: determinate'],
  ['PC 273AB(A)', true, false, 'child assault causing death: 25 to life'],
  ['PC 273A(A)', false, false, 'child endangerment'],
  ['PC 451.5', true, false, 'aggravated arson: 10 to life'],
  ['PC 451(A)', false, false, 'arson causing great bodily injury: determinate'],
  ['PC 4500', true, false, 'assault by a life prisoner'],
  ['PC 4501', false, false, 'assault by a prisoner: determinate'],
  ['PC 18755(A)', true, false, 'explosion causing death: life without parole; also not (IV) 187'],
  ['PC 12310(A)', true, false, 'the same offense before 2012'],
  ['PC 18755(B)', false, false, 'explosion causing mayhem or injury: determinate'],
  ['PC 18740', false, false, 'explosion with intent to injure: determinate'],
  ['PC 667.61(A)', true, false, 'One Strike life sentence'],
  ['PC 667.71', true, false, 'habitual sexual offender'],
  ['PC 667.7', true, false, 'habitual offender (GBI felony after two prison terms): life'],
  ['PC 667.7(A)(1)', true, false, 'habitual offender, as a subdivision'],
  ['PC 667.75', false, false, 'not 667.7: a separate section'],
  ['PC 18745', true, false, 'exploding a destructive device with intent to murder: life'],
  ['PC 12308', true, false, 'the same offense before 2012'],
  ['MV 1672(A)', true, false, 'sabotage resulting in death (Military and Veterans Code)'],
  ['PC 1672(A)', false, false, 'code type is part of the match'],
  ['PC 186.22(B)(4)(B)', true, false, 'gang-benefit felony with a life term'],
  ['PC 186.22(B)(1)', false, false, 'gang enhancement with a determinate term'],
  ['PC 12022.53(D)', false, false, 'firearm enhancement: not an offense punishable by life by itself'],
  ['PC 215(A)', false, false, 'carjacking: determinate'],
  ['PC 211', false, false, 'robbery'],
  // Not disqualifiers at all
  ['HS 11359', false, false, 'possession of cannabis for sale'],
  ['HS 11360(A)', false, false, 'sale or transport of cannabis'],
  ['VC 23152(A)', false, false, 'driving under the influence'],
  ['WI 6600', false, false, 'the SVP definition is not a conviction'],
]

let inst: DuckDBInstance
let con: DuckDBConnection
/** For each table: normalised section -> the patterns that match it. */
const hits: Record<TableName, Map<string, string[]>> = { superstrike: new Map(), pc290c: new Map() }

async function rows(sql: string, values?: string[]): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql, values)).getRowObjectsJson()
}

async function matchSections(table: TableName, sections: string[]): Promise<Map<string, string[]>> {
  const values = sections.map((s) => `(${sqlText(s)})`).join(', ')
  const result = await rows(`
    select c.section, coalesce(list(p.pattern order by p.pattern) filter (where regexp_matches(c.section, p.pattern)), [])
      as patterns
    from (values ${values}) c(section) cross join ${table} p
    group by c.section`)
  return new Map(result.map((r) => [r.section as string, r.patterns as string[]]))
}

beforeAll(async () => {
  inst = await DuckDBInstance.create(':memory:')
  con = await inst.connect()
  for (const [name, t] of Object.entries(TABLES)) {
    // Exactly as sql/seeds/reference_tables.ts reads them in the pipeline.
    await con.run(
      `create table ${name} as select * from read_csv(${sqlText(csvPath(t.file))}, header=true, all_varchar=true)`,
    )
  }
  const sections = CASES.map(([s]) => s)
  hits.superstrike = await matchSections('superstrike', sections)
  hits.pc290c = await matchSections('pc290c', sections)
})

afterAll(() => {
  con?.closeSync()
  inst?.closeSync()
})

describe.each(Object.keys(TABLES) as TableName[])('%s table', (name) => {
  const table = TABLES[name]
  const patterns = table.read()

  it('has rows, the exact header, and no duplicate patterns', () => {
    expect(patterns.length).toBeGreaterThan(25)
    expect(Object.keys(patterns[0]!)).toEqual([...SECTION_PATTERN_COLUMNS])
    expect(new Set(patterns.map((p) => p.pattern)).size).toBe(patterns.length)
  })

  it('every row has an offense and a citation naming the list it comes from', () => {
    for (const p of patterns) {
      expect(p.offense.trim(), p.pattern).not.toBe('')
      expect(p.citation, p.pattern).toContain(table.citation)
    }
  })

  it('every pattern is anchored at the start, with a code type', () => {
    for (const p of patterns) expect(p.pattern, p.pattern).toMatch(/^\^[A-Z]{2,3} /)
  })

  it('clauses are PC 667(e)(2)(C)(iv) sub-clauses (super-strikes) or blank (290(c): tiers not encoded)', () => {
    const clause = /^\((I|II|III|IV|V|VI|VII|VIII)\)(; \((I|II|III|IV|V|VI|VII|VIII)\))*$/
    for (const p of patterns) {
      if (name === 'superstrike') expect(p.clause, p.pattern).toMatch(clause)
      else expect(p.clause, p.pattern).toBe('')
    }
  })

  it('every pattern compiles in DuckDB (RE2)', async () => {
    for (const p of patterns) {
      const [r] = await rows('select regexp_matches($1, $2) as m', ['PC 0', p.pattern])
      expect(r?.m, p.pattern).toBe(false)
    }
  })

  it('DuckDB read_csv (the pipeline path) reads the same rows as the loader', async () => {
    const viaDuckdb = await rows(
      `select pattern, offense, coalesce(clause, '') as clause, citation, coalesce(note, '') as note from ${name}`,
    )
    expect(viaDuckdb).toEqual(patterns)
  })

  it('every pattern is exercised by at least one truth-table case', () => {
    const used = new Set([...hits[name].values()].flat())
    expect(patterns.map((p) => p.pattern).filter((p) => !used.has(p))).toEqual([])
  })

  it('no pattern matches a section number with an extra trailing digit (PC 187 vs PC 1870)', async () => {
    const widened = CASES.map(([s]) => s.replace(/^([A-Z]+ [0-9]+)/, '$10'))
    const over = [...(await matchSections(name, widened))].filter(([, ps]) => ps.length > 0)
    expect(over).toEqual([])
  })
})

describe('truth table', () => {
  it('lists each section once', () => {
    expect(new Set(CASES.map(([s]) => s)).size).toBe(CASES.length)
  })

  it('has at least 25 positive and 25 negative cases for each table', () => {
    for (const col of [1, 2] as const) {
      expect(CASES.filter((c) => c[col]).length).toBeGreaterThanOrEqual(25)
      expect(CASES.filter((c) => !c[col]).length).toBeGreaterThanOrEqual(25)
    }
  })

  it.each(CASES)('%s -> super-strike %s, 290(c) %s (%s)', (section, superstrike, pc290c) => {
    expect((hits.superstrike.get(section) ?? []).length > 0, 'super-strike').toBe(superstrike)
    expect((hits.pc290c.get(section) ?? []).length > 0, 'PC 290(c)').toBe(pc290c)
  })
})
