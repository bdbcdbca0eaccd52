/**
 * What offenses the generator can write. Cannabis counts are chosen in two steps: an offense family
 * (possession for sale, sale, cultivation...) by era, then the CJIS code of that family valid on the
 * offense date and for the person's age. Statute, level and literal of cannabis codes come from
 * data-contracts/reference/cannabis-offense-codes.csv; windows here are checked against its dates.
 */
import { AUMA_DATE, FIRST_CYCLE_DATE, LAST_CYCLE_DATE } from './parameters.ts'
import { PRE_AUMA_LAST_DATE } from '../../data-contracts/prop64-dates.ts'

export const FAMILIES = [
  'NOSUB', // HS 11357 with no subsection, mostly pre-1976 possession
  'POSS_SALE', // HS 11359
  'SALE', // HS 11360(a)
  'CULT', // HS 11358
  'CONC', // HS 11357(a) concentrated cannabis, 1976 to AUMA
  'SMALL', // HS 11357(b) up to 1 oz
  'LARGE', // HS 11357(c) over 1 oz
  'GIVE', // HS 11360(b) give/transport up to 28.5 g
  'SCHOOL', // HS 11357(d)/(e) school grounds
  'MINORS', // HS 11361, not Prop 64
  'SYN', // HS 11357.5 synthetic cannabinoids, not Prop 64
] as const
export type Family = (typeof FAMILIES)[number]

/**
 * Family weights per era of the offense date: before 1976 (Moscone), 1976-2010, 2011 to AUMA, after AUMA.
 * ESTIMATE after ref §5 (felony records: 11359 45-60%, 11360 25-35%, 11358 10-20%, 11357(a) <5%) and
 * ref §7.1 (possession a felony before 1976); misdemeanor possession kept small (HS 11361.5 destruction).
 */
export const FAMILY_ERA_STARTS = ['1970-01-01', '1976-01-01', '2011-01-01', AUMA_DATE] as const
export const FAMILY_WEIGHTS: Record<Family, readonly [number, number, number, number]> = {
  NOSUB: [480, 8, 3, 0],
  POSS_SALE: [220, 400, 420, 330],
  SALE: [170, 240, 240, 250],
  CULT: [90, 120, 140, 150],
  CONC: [0, 40, 40, 0],
  SMALL: [0, 35, 20, 130],
  LARGE: [0, 45, 45, 60],
  GIVE: [0, 20, 15, 30],
  SCHOOL: [0, 7, 7, 10],
  MINORS: [20, 8, 8, 10],
  SYN: [0, 0, 20, 30],
}

export interface CannabisCode {
  family: Family
  cjis: string
  /** Generator window (inclusive), inside the code's valid_from/valid_to when the table has them. */
  from: string
  to: string
  ageMin: number
  ageMax: number
  weight: number
  /** Charged level when it differs from the code table's level (pre-1976 possession was a felony). */
  toc?: 'F' | 'M' | 'I'
  /** Literal for codes whose table literal is blank (generator-supplied text). */
  literal?: string
}

const PRE76_END = '1975-12-31'
const PRE_AUMA_END = PRE_AUMA_LAST_DATE
const ALL = [0, 200] as const

function c(
  family: Family,
  cjis: string,
  from: string,
  to: string,
  ages: readonly [number, number],
  weight = 1,
  extra: Pick<CannabisCode, 'toc' | 'literal'> = {},
): CannabisCode {
  return { family, cjis, from, to, ageMin: ages[0], ageMax: ages[1], weight, ...extra }
}

const START = FIRST_CYCLE_DATE
const END = LAST_CYCLE_DATE
const AUMA = AUMA_DATE

export const CANNABIS_CODES: readonly CannabisCode[] = [
  c('NOSUB', '35209', START, PRE76_END, ALL, 1, { toc: 'F' }),
  c('NOSUB', '35209', '1976-01-01', PRE_AUMA_END, ALL),
  c('NOSUB', '35429', AUMA, END, [0, 20]),
  c('NOSUB', '35431', AUMA, END, [21, 200]),

  c('POSS_SALE', '35163', START, '1977-06-30', ALL),
  c('POSS_SALE', '35127', '1977-07-01', PRE_AUMA_END, ALL),
  c('POSS_SALE', '35450', AUMA, END, [0, 17]),
  c('POSS_SALE', '35451', AUMA, END, [18, 200], 70),
  c('POSS_SALE', '35452', AUMA, END, [18, 200], 20),
  c('POSS_SALE', '35453', AUMA, END, [21, 200], 10),

  c('SALE', '35129', START, '1973-09-30', ALL),
  c('SALE', '35215', '1973-10-01', PRE_AUMA_END, ALL),
  c('SALE', '35446', AUMA, END, [0, 17]),
  c('SALE', '35447', AUMA, END, [18, 200], 65),
  c('SALE', '35448', AUMA, END, [18, 200], 35),

  c('CULT', '35161', START, '1976-12-31', ALL),
  c('CULT', '35125', '1977-01-01', PRE_AUMA_END, ALL),
  c('CULT', '35434', AUMA, END, [0, 17]),
  c('CULT', '35435', AUMA, END, [18, 20], 50),
  c('CULT', '35436', AUMA, END, [18, 20], 40),
  c('CULT', '35437', AUMA, END, [18, 20], 10),
  c('CULT', '35436', AUMA, END, [21, 200], 70),
  c('CULT', '35437', AUMA, END, [21, 200], 30),

  c('CONC', '35209', START, PRE76_END, ALL, 1, { toc: 'F' }),
  c('CONC', '35179', '1976-01-01', PRE_AUMA_END, ALL, 50),
  c('CONC', '35383', '1976-01-01', PRE_AUMA_END, ALL, 50),
  c('CONC', '35429', AUMA, END, [0, 20]),
  c('CONC', '35431', AUMA, END, [21, 200]),

  c('SMALL', '35209', START, PRE76_END, ALL, 1, { toc: 'M' }),
  c('SMALL', '35183', '1976-01-01', '2010-12-31', ALL),
  c('SMALL', '35417', '2011-01-01', PRE_AUMA_END, ALL),
  c('SMALL', '35429', AUMA, END, [0, 20]),
  c('SMALL', '35430', AUMA, END, [21, 200], 50),
  c('SMALL', '35431', AUMA, END, [21, 200], 50),

  c('LARGE', '35209', START, PRE76_END, ALL, 1, { toc: 'F' }),
  c('LARGE', '35180', '1976-01-01', PRE_AUMA_END, ALL),
  c('LARGE', '35430', AUMA, END, [0, 20]),
  c('LARGE', '35431', AUMA, END, [21, 200]),

  c('GIVE', '35129', START, '1973-09-30', ALL),
  c('GIVE', '35215', '1973-10-01', PRE76_END, ALL),
  c('GIVE', '35190', '1976-01-01', PRE_AUMA_END, ALL, 1, { literal: 'GIVE/TRANSPORT MARIJ 28.5 GRAMS OR L' }),
  c('GIVE', '35449', AUMA, END, ALL),

  c('SCHOOL', '35209', START, PRE76_END, ALL, 1, { toc: 'M' }),
  c('SCHOOL', '35227', '1976-01-01', PRE_AUMA_END, [0, 17]),
  c('SCHOOL', '35226', '1976-01-01', PRE_AUMA_END, [18, 200]),
  c('SCHOOL', '35433', AUMA, END, [0, 17]),
  c('SCHOOL', '35432', AUMA, END, [18, 200]),

  c('MINORS', '35131', START, END, ALL, 1, { literal: 'EMPLOY/SELL/ETC MARIJUANA TO MINOR' }),

  c('SYN', '35209', START, PRE76_END, ALL, 1, { toc: 'F' }),
  c('SYN', '35180', '1976-01-01', '2012-12-31', ALL),
  c('SYN', '35420', '2013-01-01', '2015-12-31', ALL),
  c('SYN', '35427', '2016-01-01', END, ALL),
]

/** Dates where some code window starts: the generator resolves codes per era between them. */
export function codeEraStarts(): string[] {
  const starts = new Set<string>([FIRST_CYCLE_DATE])
  for (const r of CANNABIS_CODES) starts.add(r.from)
  return [...starts].sort()
}

/** Windows must start and end on era boundaries, or a code would apply to only part of an era. */
export function checkCodeWindows(): void {
  const starts = codeEraStarts()
  const dayAfter = (iso: string) =>
    new Date(Date.parse(iso + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10)
  const ends = new Set([...starts.slice(1).map((s) => s), dayAfter(LAST_CYCLE_DATE)])
  for (const r of CANNABIS_CODES) {
    if (r.from > r.to) throw new Error(`code ${r.cjis} (${r.family}): window ends before it starts`)
    if (!ends.has(dayAfter(r.to)))
      throw new Error(`code ${r.cjis} (${r.family}): window end ${r.to} is not an era end`)
  }
}

export type OffenseGroup = 'REL' | 'OTH' | 'SS' | 'SX'

/** Non-cannabis offenses. cjis only where checked in the CJIS table (vdorie/dojr cjis_codes.csv); else blank. */
export interface OtherOffense {
  group: OffenseGroup
  codeType: 'HS' | 'PC' | 'VC' | 'BP'
  section: string
  literal: string
  toc: 'F' | 'M' | 'I'
  cjis: string | null
  qualifier: string | null
  weight: number
  /** PC 290(c) registrable: a conviction adds a REGISTRATION step. */
  registrable: boolean
}

function o(
  group: OffenseGroup,
  statute: string,
  literal: string,
  toc: 'F' | 'M',
  cjis: string | null,
  weight: number,
  extra: { qualifier?: string; registrable?: boolean } = {},
): OtherOffense {
  const [codeType, section] = statute.split(' ') as [OtherOffense['codeType'], string]
  return {
    group,
    codeType,
    section,
    literal,
    toc,
    cjis,
    weight,
    qualifier: extra.qualifier ?? null,
    registrable: extra.registrable ?? false,
  }
}

export const OTHER_OFFENSES: readonly OtherOffense[] = [
  // charges that travel with cannabis arrests (gogen's related-charge list, docs/legal-basis.md §4)
  o('REL', 'HS 11364', 'POSSESS CONTROLLED SUBSTANCE PARAPHERNALIA', 'M', null, 35),
  o('REL', 'PC 148(A)(1)', 'OBSTRUCT/RESIST/ETC PUBLIC/PEACE O', 'M', '48122', 25),
  o('REL', 'HS 11550(A)', 'UNDER INFLUENCE OF CONTROLLED SUBSTANCE', 'M', null, 20),
  o('REL', 'BP 4060', 'POSSESS CTRL SUBSTNCE', 'M', null, 10),
  o('REL', 'PC 647(F)', 'DISORDERLY CONDUCT:INTOXICATED', 'M', null, 10),
  // unrelated offenses
  o('OTH', 'VC 23152(A)', 'DUI ALCOHOL/DRUGS', 'M', null, 20),
  o('OTH', 'VC 23152(B)', 'DUI ALCOHOL/0.08 PERCENT', 'M', null, 10),
  o('OTH', 'PC 459', 'BURGLARY', 'F', '22004', 10),
  o('OTH', 'PC 484(A)', 'PETTY THEFT', 'M', '23087', 12),
  o('OTH', 'PC 487(A)', 'GRAND THEFT:MONEY/LABOR/PROPERT', 'F', '23132', 5),
  o('OTH', 'PC 242', 'BATTERY', 'M', '13045', 10),
  o('OTH', 'PC 245(A)(1)', 'ASSAULT W/DEADLY WEAPON:NOT F/A', 'F', '13219', 5),
  o('OTH', 'PC 273.5(A)', 'INFLICT CORPORAL INJURY ON SPOUSE/', 'F', '38080', 6),
  o('OTH', 'PC 211', 'ROBBERY', 'F', '12004', 4),
  o('OTH', 'HS 11350(A)', 'POSSESS NARCOTIC CONTROLLED SUBSTANCE', 'F', null, 10),
  o('OTH', 'HS 11377(A)', 'POSSESS CONTROLLED SUBSTANCE', 'F', null, 10),
  o('OTH', 'VC 14601.1(A)', 'DRIVE WHILE LICENSE SUSPENDED', 'M', null, 8),
  o('OTH', 'VC 10851(A)', 'TAKE VEHICLE W/O OWNER CONSENT', 'F', null, 5),
  o('OTH', 'PC 496(A)', 'RECEIVE/ETC KNOWN STOLEN PROPERTY', 'F', null, 4),
  o('OTH', 'PC 602', 'TRESPASSING', 'M', null, 4),
  // super-strikes, PC 667(e)(2)(C)(iv): homicide and attempted homicide (664 qualifier on 187)
  o('SS', 'PC 187', 'MURDER', 'F', '09004', 30),
  o('SS', 'PC 187(A)', 'MURDER', 'F', '09005', 15),
  o('SS', 'PC 187(A)', 'MURDER', 'F', '09005', 45, { qualifier: '664' }),
  o('SS', 'PC 192(A)', 'VOLUNTARY MANSLAUGHTER', 'F', '09146', 10),
  // PC 290(c) registrable sex offenses (288(a) is also a super-strike)
  o('SX', 'PC 288(A)', 'LEWD ACT WITH CHILD', 'F', '36055', 40, { registrable: true }),
  o('SX', 'PC 261(A)(2)', 'RAPE', 'F', '11055', 20, { registrable: true }),
  o('SX', 'PC 286(C)', 'SODOMY W/PERSON UNDER 14 YEARS O', 'F', '36043', 10, { registrable: true }),
  o('SX', 'PC 314(1)', 'INDECENT EXPOSURE', 'M', null, 20, { registrable: true }),
  o('SX', 'PC 647.6(A)', 'ANNOY/MOLEST CHILD', 'M', null, 10, { registrable: true }),
]

export const REGISTRATION_DESCR = '290 PC-REGISTRATION OF SEX OFFENDER'

/** Cycles of kind SX get a REGISTRATION step when convicted, so every SX offense must be registrable. */
export function checkOffenses(): void {
  const bad = OTHER_OFFENSES.filter((o) => (o.group === 'SX') !== o.registrable)
  if (bad.length)
    throw new Error(`SX offenses and PC 290 registrable offenses differ: ${bad.map((o) => o.section)}`)
}

/** Sentence classes, chosen from the conviction level and the kind of offense. */
export const SENTENCE_CLASSES = ['FC', 'F3', 'FP', 'MC', 'IC', 'SS', 'SX'] as const
export type SentenceClass = (typeof SENTENCE_CLASSES)[number]

export interface SentencePart {
  loc: 'JAIL' | 'PRISON' | 'PROBATION' | 'FINE'
  /** Length range (inclusive) and unit; absent for FINE (no duration, as in the gogen samples). */
  len?: readonly [number, number, 'D' | 'M' | 'Y']
}
export interface SentencePattern {
  cls: SentenceClass
  weight: number
  disp: string
  parts: readonly SentencePart[]
}

const jail = (lo: number, hi: number, u: 'D' | 'M' | 'Y' = 'D'): SentencePart => ({
  loc: 'JAIL',
  len: [lo, hi, u],
})
const prison = (lo: number, hi: number, u: 'D' | 'M' | 'Y' = 'Y'): SentencePart => ({
  loc: 'PRISON',
  len: [lo, hi, u],
})
const probation = (lo: number, hi: number, u: 'D' | 'M' | 'Y' = 'Y'): SentencePart => ({
  loc: 'PROBATION',
  len: [lo, hi, u],
})
const fine: SentencePart = { loc: 'FINE' }

/** ESTIMATE: typical California felony/misdemeanor dispositions; F3 and FP give sentences still running in 2026. */
export const SENTENCE_PATTERNS: readonly SentencePattern[] = [
  { cls: 'FC', weight: 12, disp: 'CONVICTED-PRISON', parts: [prison(2, 4)] },
  { cls: 'FC', weight: 6, disp: 'CONVICTED-PRISON', parts: [prison(16, 32, 'M')] },
  { cls: 'FC', weight: 33, disp: 'CONVICTED-JAIL', parts: [jail(30, 365), probation(3, 5)] },
  { cls: 'FC', weight: 12, disp: 'CONVICTED-PROBATION', parts: [probation(3, 5)] },
  { cls: 'FC', weight: 10, disp: 'CONVICTED-JAIL', parts: [jail(30, 365)] },
  {
    cls: 'FC',
    weight: 10,
    disp: 'CONVICTED-PROBATION',
    parts: [probation(36, 60, 'M'), jail(10, 180), fine],
  },
  { cls: 'FC', weight: 7, disp: 'CONVICTED-JAIL', parts: [jail(6, 12, 'M'), probation(3, 3)] },
  { cls: 'FC', weight: 10, disp: 'CONVICTED-JAIL', parts: [jail(90, 365), probation(3, 5), fine] },
  { cls: 'F3', weight: 1, disp: 'CONVICTED-PRISON', parts: [prison(25, 25)] },
  { cls: 'FP', weight: 50, disp: 'CONVICTED-PRISON', parts: [prison(3, 9)] },
  { cls: 'FP', weight: 50, disp: 'CONVICTED-JAIL', parts: [jail(180, 365), probation(5, 5)] },
  { cls: 'MC', weight: 30, disp: 'CONVICTED-JAIL', parts: [jail(1, 180)] },
  { cls: 'MC', weight: 30, disp: 'CONVICTED-JAIL', parts: [jail(2, 90), probation(1, 3)] },
  { cls: 'MC', weight: 15, disp: 'CONVICTED-PROBATION', parts: [probation(1, 3)] },
  { cls: 'MC', weight: 15, disp: 'CONVICTED-FINE', parts: [fine] },
  { cls: 'MC', weight: 10, disp: 'CONVICTED-PROBATION', parts: [probation(12, 36, 'M'), fine] },
  { cls: 'IC', weight: 1, disp: 'CONVICTED-FINE', parts: [fine] },
  { cls: 'SS', weight: 60, disp: 'CONVICTED-PRISON', parts: [prison(15, 40)] },
  { cls: 'SS', weight: 40, disp: 'CONVICTED-PRISON', parts: [prison(7, 15)] },
  { cls: 'SX', weight: 50, disp: 'CONVICTED-PRISON', parts: [prison(3, 8)] },
  { cls: 'SX', weight: 50, disp: 'CONVICTED-JAIL', parts: [jail(180, 365), probation(3, 5)] },
]

/** Dispositions that are not convictions. */
export const DISMISSED = 'DISMISSED/CHARGE DROPPED'
export const NON_CONVICTIONS = ['DISMISSED-FURTHERANCE OF JUSTICE', 'ACQUITTED'] as const
export const ARREST_ONLY_DISPOSITIONS = [
  'COMPLAINT DENIED',
  'RELEASED/DETENTION ONLY',
  'REL/TOT OTHER JURIS/AUTH',
] as const
/** Plain conviction text, used on a few convicted counts instead of CONVICTED-<kind>. */
export const PLAIN_CONVICTED = 'CONVICTED'

/** Every DISP_DESCR the generator writes; rows carry the 1-based position (strings are expanded after the sort). */
export const DISPOSITIONS: readonly string[] = [
  ...new Set([
    ...SENTENCE_PATTERNS.map((p) => p.disp),
    PLAIN_CONVICTED,
    DISMISSED,
    ...NON_CONVICTIONS,
    ...ARREST_ONLY_DISPOSITIONS,
  ]),
]

export function dispositionIndex(text: string): number {
  const i = DISPOSITIONS.indexOf(text)
  if (i < 0) throw new Error(`unknown disposition ${text}`)
  return i + 1
}
