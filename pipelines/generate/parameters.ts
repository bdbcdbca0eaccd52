/**
 * Every number the generator draws from, with its source. "ref §x" is
 * data-contracts/synthetic-generator.md (enforcement facts); ESTIMATE marks a number with no published source,
 * chosen to reproduce a published shape. data-contracts/synthetic-generator.md explains each one.
 */
import { AUMA_EFFECTIVE_DATE } from '../../data-contracts/prop64-dates.ts'

/** First and last cycle (offense/arrest) date the generator produces. */
export const FIRST_CYCLE_DATE = '1970-01-01'
export const LAST_CYCLE_DATE = '2020-12-31'
/** Prop 64 (AUMA) took effect: subsection meanings change on this date (docs/legal-basis.md §4). */
export const AUMA_DATE = AUMA_EFFECTIVE_DATE
/** Deaths are placed no later than this. */
export const LAST_DEATH_DATE = '2025-12-31'

/**
 * Statewide marijuana arrests by year, [year, felony, misdemeanor]. 1990-2020 from ref §1.2 (CJSC).
 * 1970-1989 ESTIMATE: interpolated between ref §1.1 points (1972: 73,061 felony; 1974: ~100,000 felony;
 * 1976 Moscone Act: felony arrests -80%) and the 1990 row. 2001 misdemeanor (not found) interpolated.
 */
export const ARRESTS_BY_YEAR: readonly (readonly [number, number, number])[] = [
  [1970, 55000, 2500],
  [1971, 65000, 3000],
  [1972, 73061, 3500],
  [1973, 87000, 4000],
  [1974, 100000, 4500],
  [1975, 95000, 5000],
  [1976, 20000, 30000],
  [1977, 19750, 29300],
  [1978, 19500, 28600],
  [1979, 19250, 27900],
  [1980, 19000, 27200],
  [1981, 18750, 26500],
  [1982, 18500, 25800],
  [1983, 18250, 25100],
  [1984, 18000, 24400],
  [1985, 17750, 23700],
  [1986, 17500, 23000],
  [1987, 17250, 22300],
  [1988, 17000, 21600],
  [1989, 16900, 21200],
  [1990, 16819, 20830],
  [1991, 14050, 19380],
  [1992, 14980, 22476],
  [1993, 14357, 25901],
  [1994, 14668, 31251],
  [1995, 15116, 35826],
  [1996, 15361, 41595],
  [1997, 14498, 43169],
  [1998, 14344, 46600],
  [1999, 14171, 48673],
  [2000, 13067, 49351],
  [2001, 11986, 48301],
  [2002, 12682, 47251],
  [2003, 13022, 48181],
  [2004, 13106, 46931],
  [2005, 13075, 47380],
  [2006, 13548, 51838],
  [2007, 16124, 57995],
  [2008, 17126, 61388],
  [2009, 17008, 61164],
  [2010, 16585, 54849],
  [2011, 14092, 7764],
  [2012, 13434, 7768],
  [2013, 13779, 6567],
  [2014, 13300, 6411],
  [2015, 8866, 6267],
  [2016, 7949, 5861],
  [2017, 2086, 3979],
  [2018, 1617, 3835],
  [2019, 1181, 3769],
  [2020, 1027, 2973],
]

/**
 * Share of arrests that survive as DOJ records (ref §7.3: the record population is far more felony-heavy
 * than the arrest stream, because HS 11361.5 destroys possession records after 2 years).
 * ESTIMATE: misdemeanors 0.12. Felonies before 1976 0.2: most were simple possession (any amount was a
 * felony), whose records the same destruction rules reach, and pre-automation records are thinner.
 */
export const MISDEMEANOR_RECORD_SHARE = 0.12
export const FELONY_RECORD_SHARE_BEFORE_1976 = 0.2

/** Integer weight of each year for the first cannabis cycle of a subject. */
export function cannabisYearWeights(): [number, number][] {
  return ARRESTS_BY_YEAR.map(([y, f, m]) => {
    const fShare = y < 1976 ? FELONY_RECORD_SHARE_BEFORE_1976 : 1
    return [y, Math.round(f * fShare + m * MISDEMEANOR_RECORD_SHARE)]
  })
}

/**
 * Age at the first cannabis cycle: [from age, to age, weight] per era. Ref §2.1/§7.5 felony shares
 * (20-29 ~41-44%, 18-19 ~13-15%, 30-39 ~16-21%, 40+ ~11-15% rising to ~17-28% from 2014). Under-18s are
 * kept at 3-4% (not the arrest stream's 12-16%): juvenile cases mostly sit outside adult DOJ records.
 */
export const AGE_BANDS_BEFORE_2014: readonly (readonly [number, number, number])[] = [
  [16, 17, 4],
  [18, 19, 14],
  [20, 29, 44],
  [30, 39, 20],
  [40, 49, 12],
  [50, 69, 6],
]
export const AGE_BANDS_FROM_2014: readonly (readonly [number, number, number])[] = [
  [16, 17, 3],
  [18, 19, 11],
  [20, 29, 39],
  [30, 39, 22],
  [40, 49, 15],
  [50, 69, 10],
]

/** Male share by era of the first cannabis cycle (ref §7.6: 88-91% felony; ~80-85% after 2011). */
export const MALE_SHARE_BEFORE_2011 = 0.89
export const MALE_SHARE_FROM_2011 = 0.84

/**
 * Racial disparity knob: how many times the population rate Black adults enter the subject population,
 * White = 1. Ref §7.4 and §2.3: per-capita Black/White marijuana felony arrest ratio ~5-7x (ESTIMATE 5.7x
 * in 1996, 6.7x in 1999 and 2019), misdemeanors ~2.5-4x. The record population is felony-heavy, so 6.
 */
export const DEFAULT_DISPARITY = 6

/**
 * Rate multipliers of the other groups relative to White, applied to each county's 2020 adult population.
 * Hispanic 1.0 (ESTIMATE): per-capita ~1.5x White (ref §2.3), times ~0.7 because 2020 shares overstate the
 * 1970-2015 Hispanic population (27.6% of adults in 1999 vs 36% in 2020), and DOJ codes undercount
 * Hispanics. Asian 0.25 and other 0.6 (ESTIMATE) bring "other" to ~5-7% as in ref §2.1.
 */
export const RACE_MULTIPLIER = { white: 1, hispanic: 1, asian: 0.25, other: 0.6 } as const

/** Within-group DOJ race codes: [code, weight]. Hispanic people partly recorded as W (data-contracts/synthetic-generator.md). */
export const RACE_CODES_BY_GROUP: Record<
  'W' | 'H' | 'B' | 'A' | 'O',
  readonly (readonly [string, number])[]
> = {
  W: [['W', 100]],
  H: [
    ['H', 88],
    ['W', 10],
    ['X', 2],
  ],
  B: [
    ['B', 99],
    ['X', 1],
  ],
  A: [
    ['C', 25],
    ['F', 22],
    ['V', 15],
    ['K', 10],
    ['J', 8],
    ['Z', 10],
    ['A', 10],
  ],
  O: [
    ['I', 20],
    ['P', 10],
    ['O', 55],
    ['X', 15],
  ],
}

export const RACE_DESCR: Record<string, string> = {
  W: 'WHITE',
  H: 'HISPANIC',
  B: 'BLACK',
  A: 'OTHER ASIAN',
  C: 'CHINESE',
  F: 'FILIPINO',
  V: 'VIETNAMESE',
  K: 'KOREAN',
  J: 'JAPANESE',
  Z: 'ASIAN INDIAN',
  I: 'AMERICAN INDIAN',
  P: 'PACIFIC ISLANDER',
  O: 'OTHER',
  X: 'UNKNOWN',
}

/**
 * County weight = adult population x factor. Factors: DOJ-identified cannabis convictions per 100k
 * residents over the statewide 576 (ref §4: LA 659, San Diego 819, SF 930, Imperial 983, Alameda 351,
 * Sacramento 335, Contra Costa 280, Santa Barbara 386); Humboldt, Mendocino, Trinity lead per-capita
 * arrest rates (Humboldt 442/100k vs ~171 statewide in 2002), ESTIMATE 2.5.
 */
export const COUNTY_FACTOR: Record<string, number> = {
  'LOS ANGELES': 1.15,
  'SAN DIEGO': 1.4,
  'SAN FRANCISCO': 1.6,
  IMPERIAL: 1.7,
  ALAMEDA: 0.6,
  SACRAMENTO: 0.6,
  'CONTRA COSTA': 0.5,
  'SANTA BARBARA': 0.7,
  HUMBOLDT: 2.5,
  MENDOCINO: 2.5,
  TRINITY: 2.5,
}
/** Growing counties: cultivation (HS 11358) weight is multiplied by CULTIVATION_FACTOR_NORTH there. */
export const NORTHERN_GROWING_COUNTIES = ['HUMBOLDT', 'MENDOCINO', 'TRINITY'] as const
export const CULTIVATION_FACTOR_NORTH = 4
/** Every county gets at least this share of the weight, so all 58 appear in runs of a few thousand. */
export const COUNTY_FLOOR_SHARE = 0.0004

/** Subject history shape (ESTIMATE, after gogen's generator: 1-3 Prop 64 counts, other cycles, 25% elsewhere). */
export const EXTRA_CANNABIS_CYCLES: readonly (readonly [number, number])[] = [
  [0, 780],
  [1, 150],
  [2, 50],
  [3, 15],
  [4, 5],
]
/** A repeat cannabis cycle reuses the person's first offense family (so same-section priors pile up). */
export const REPEAT_SAME_FAMILY = 0.7
export const OTHER_CYCLES: readonly (readonly [number, number])[] = [
  [0, 34],
  [1, 30],
  [2, 19],
  [3, 10],
  [4, 5],
  [5, 2],
]
/** Share of a subject's non-first cycles in a county other than home. */
export const ELSEWHERE_SHARE = 0.25
export const SUPER_STRIKE_SHARE = 0.015
export const SEX_OFFENSE_SHARE = 0.01
export const DECEASED_SHARE = 0.02

/** Counts in a cannabis cycle: cannabis counts, related non-cannabis counts, other counts. */
export const CANNABIS_COUNTS: readonly (readonly [number, number])[] = [
  [1, 68],
  [2, 24],
  [3, 8],
]
export const RELATED_COUNTS: readonly (readonly [number, number])[] = [
  [0, 70],
  [1, 25],
  [2, 5],
]
export const OTHER_COUNTS_IN_CANNABIS_CYCLE = 0.05
export const OTHER_CYCLE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 72],
  [2, 22],
  [3, 6],
]

/** Steps (ref §3 and §7.7: ~12% complaint denied or released; some citations go straight to court). */
export const ARREST_ONLY_SHARE = 0.12
export const COURT_ONLY_SHARE = 0.06

/** Court outcome of a case (ref §3 ESTIMATE: ~65% convicted of something, ~20% dismissed/diverted/acquitted). */
export const CASE_CONVICTED = 0.8
export const CASE_DISMISSED = 0.14 // the rest (0.06) acquitted or dismissed in furtherance of justice
export const SERIOUS_CASE_CONVICTED = 0.95
/** In a convicted case, each count after the first is convicted with this chance (plea bargains). */
export const SECONDARY_COUNT_CONVICTED = 0.45

/**
 * Conviction level of a felony-charged count: 15% convicted as misdemeanors (PC 17(b) or plea), 5% blank
 * level so rules fall back to OFFENSE_TOC (docs/legal-basis.md §12). ESTIMATE between ref §3 (30-34% of all
 * felony-arrest dispositions were misdemeanor filings) and ref §7.3 (DOJ-identified cannabis convictions
 * ~90-96% felony in LA, San Diego, Santa Barbara; 62% in SF).
 */
export const FELONY_CONVICTED_AS_MISDEMEANOR = 0.15
export const BLANK_CONVICTION_LEVEL = 0.05
/** Pre-AUMA cannabis felonies from 1995 sentenced under three strikes (25 years; still running in 2026). */
export const THREE_STRIKES_SHARE = 0.015
export const THREE_STRIKES_FROM = '1995-01-01'

/** Court date after the cycle date: usual delay and a long tail (warrants, failures to appear). */
export const COURT_DELAY_DAYS: readonly [number, number] = [7, 300]
export const LONG_DELAY_SHARE = 0.05
export const LONG_DELAY_DAYS: readonly [number, number] = [365, 1460]

/** Format noise on OFFENSE_DESCR, per row, in thousandths. */
export const SEE_COMMENT_PER_MILLE = 30
export const NO_SPACE_PER_MILLE = 100
export const LOWER_SUBSECTION_PER_MILLE = 30
export const PADDED_PER_MILLE = 50
/** Share of rows whose blank OFFENSE_QUAL_LST is written as padding spaces (as in the gogen samples). */
export const PADDED_QUALIFIER_SHARE = 0.08
/** Qualifiers on cannabis counts. */
export const ATTEMPT_SHARE = 0.01
export const CONSPIRACY_SHARE = 0.01
/** Rows before 1980 with no OFFENSE_CODE (older records carry only the text). */
export const OLD_ROW_NO_CODE_SHARE = 0.15
export const OLD_ROW_NO_CODE_BEFORE = '1980-01-01'

/** Malformed-but-loadable values. */
export const BAD_DOB_SHARE = 0.003
export const BLANK_DOB_SHARE = 0.002
export const BAD_DISP_DATE_SHARE = 0.0005
export const PLAIN_CONVICTED_SHARE = 0.05
