/**
 * Reference and lookup tables the history is drawn from: counties (read from data-contracts/reference),
 * courts and agencies, the offense catalog (cannabis codes joined to the dated CJIS table), sentence
 * patterns, and one bucket table per weighted choice.
 */
import { join } from 'node:path'
import { lit } from '../../sql/helpers/quote.ts'
import { REFERENCE_DIR } from '../lib/paths.ts'
import {
  CANNABIS_CODES,
  FAMILIES,
  FAMILY_ERA_STARTS,
  FAMILY_WEIGHTS,
  OTHER_OFFENSES,
  SENTENCE_CLASSES,
  SENTENCE_PATTERNS,
  checkCodeWindows,
  checkOffenses,
  codeEraStarts,
  dispositionIndex,
  type OffenseGroup,
} from './offenses.ts'
import {
  COUNTY_FACTOR,
  COUNTY_FLOOR_SHARE,
  CULTIVATION_FACTOR_NORTH,
  LAST_CYCLE_DATE,
  NORTHERN_GROWING_COUNTIES,
  RACE_MULTIPLIER,
  cannabisYearWeights,
} from './parameters.ts'
import { COURT_COUNT_SQL, agencyTableSql, courtTableSql } from './places.ts'
import { QUALIFIERS, SENT_LOC, TIME_UNIT, TOC, codeOf, codeSql } from './codes.ts'
import { bucketTable, dateLit, valuesTable } from './sql-helpers.ts'

/** Bits of the bucket tables: 2^16 for the big single-key choices, 2^12 for race, 2^10 elsewhere. */
export const BITS = { county: 16, year: 16, race: 12, family: 10, offense: 10, sentence: 10 } as const

/** Offense group ids in pick_off keys (100000 + id); NON is any related or other offense. */
export const GROUP_ID: Record<OffenseGroup | 'NON', number> = { REL: 1, OTH: 2, NON: 3, SS: 4, SX: 5 }
export const NON_CANNABIS_KEY_BASE = 100000
/** Age classes for cannabis codes: under 18, 18-20, 21 and over. */
export const AGE_CLASSES = [
  [0, 0, 17],
  [1, 18, 20],
  [2, 21, 200],
] as const

/** SQL expression: index of the era (in `starts`) that date expression `d` falls in. */
export function eraIndexSql(d: string, starts: readonly string[]): string {
  return starts
    .slice(1)
    .map((s) => `CAST(${d} >= ${dateLit(s)} AS INTEGER)`)
    .join(' + ')
}

export function familyEraSql(d: string): string {
  return eraIndexSql(d, FAMILY_ERA_STARTS)
}
export function codeEraSql(d: string): string {
  return eraIndexSql(d, codeEraStarts())
}

const csv = (file: string) => `read_csv(${lit(join(REFERENCE_DIR, file))}, header = true, all_varchar = true)`

function countyTables(disparity: number): string[] {
  const factors = Object.entries(COUNTY_FACTOR).map(([county, f]) => [county, f] as const)
  const north = NORTHERN_GROWING_COUNTIES.map((c) => lit(c)).join(', ')
  const m = RACE_MULTIPLIER
  // race weights x1000 so fractional multipliers survive the integer bucket arithmetic
  const race = (g: number, col: string, mult: number) =>
    `SELECT cci AS k, ${g} AS item, CAST(round(${col} * ${mult} * 1000) AS BIGINT) AS w FROM county`
  return [
    valuesTable(
      'county_factor',
      [
        ['county', 'VARCHAR'],
        ['factor', 'DOUBLE'],
      ],
      factors,
    ),
    `CREATE OR REPLACE TABLE county AS
SELECT *, ${COURT_COUNT_SQL} AS n_courts FROM (
  SELECT c.county_code AS cc, CAST(c.county_code AS INTEGER) AS cci, c.county AS name,
    CAST(p.total AS BIGINT) AS total, CAST(p.adult_total AS BIGINT) AS adults,
    CAST(p.adult_white_nh AS BIGINT) AS a_w, CAST(p.adult_hispanic AS BIGINT) AS a_h,
    CAST(p.adult_black_nh AS BIGINT) AS a_b, CAST(p.adult_asian_nh AS BIGINT) AS a_a,
    CAST(p.adult_other_nh AS BIGINT) AS a_o,
    coalesce(f.factor, 1.0) AS factor, c.county IN (${north}) AS north
  FROM ${csv('counties.csv')} c
  JOIN ${csv('ca-county-population-2020.csv')} p ON p.county_code = c.county_code
  LEFT JOIN county_factor f ON f.county = c.county
)`,
    courtTableSql(),
    ...agencyTableSql(),
    bucketTable(
      'pick_county',
      `SELECT 0 AS k, cci AS item,
        CAST(round(greatest(adults * factor, ${COUNTY_FLOOR_SHARE} * sum(adults * factor) OVER ())) AS BIGINT) AS w
       FROM county`,
      BITS.county,
    ),
    // race groups: 0 White, 1 Hispanic, 2 Black, 3 Asian, 4 other; Black scaled by the disparity knob
    bucketTable(
      'pick_race',
      [
        race(0, 'a_w', m.white),
        race(1, 'a_h', m.hispanic),
        race(2, 'a_b', disparity),
        race(3, 'a_a', m.asian),
        race(4, 'a_o', m.other),
      ].join(' UNION ALL '),
      BITS.race,
    ),
  ]
}

function yearTable(): string[] {
  return [
    valuesTable(
      'year_weight',
      [
        ['year', 'INTEGER'],
        ['w', 'BIGINT'],
      ],
      cannabisYearWeights(),
    ),
    bucketTable('pick_year', `SELECT 0 AS k, year AS item, w FROM year_weight`, BITS.year),
  ]
}

function familyTables(): string[] {
  const rows = FAMILIES.flatMap((f, id) =>
    FAMILY_WEIGHTS[f].flatMap((w, era) =>
      [false, true].map((north) => [
        era * 2 + (north ? 1 : 0),
        id,
        f === 'CULT' && north ? w * CULTIVATION_FACTOR_NORTH : w,
      ]),
    ),
  )
  return [
    valuesTable(
      'family_weight',
      [
        ['k', 'INTEGER'],
        ['item', 'INTEGER'],
        ['w', 'BIGINT'],
      ],
      rows,
    ),
    bucketTable('pick_fam', 'SELECT k, item, w FROM family_weight', BITS.family),
  ]
}

/**
 * offense(id, is_canna, code_type, base, sub, literal, toc, cjis, qualifier, registrable):
 * cannabis ids are 1..n in CANNABIS_CODES order, others 1001.. in OTHER_OFFENSES order.
 */
function offenseTables(): string[] {
  checkCodeWindows()
  checkOffenses()
  const starts = codeEraStarts()
  const dayAfterLast = new Date(Date.parse(LAST_CYCLE_DATE + 'T00:00:00Z') + 86_400_000)
    .toISOString()
    .slice(0, 10)
  const eras = starts.map((s, i) => [i, s, i + 1 < starts.length ? starts[i + 1]! : dayAfterLast])
  const famId = (f: string) => FAMILIES.indexOf(f as (typeof FAMILIES)[number])
  return [
    valuesTable(
      'code_era',
      [
        ['era', 'INTEGER'],
        ['start_d', 'DATE'],
        ['end_d', 'DATE'],
      ],
      eras,
    ),
    valuesTable(
      'age_class',
      [
        ['cls', 'INTEGER'],
        ['age_min', 'INTEGER'],
        ['age_max', 'INTEGER'],
      ],
      AGE_CLASSES,
    ),
    valuesTable(
      'canna_code_src',
      [
        ['id', 'INTEGER'],
        ['fam', 'INTEGER'],
        ['cjis', 'VARCHAR'],
        ['gen_from', 'DATE'],
        ['gen_to', 'DATE'],
        ['age_min', 'INTEGER'],
        ['age_max', 'INTEGER'],
        ['w', 'BIGINT'],
        ['toc_override', 'VARCHAR'],
        ['literal_fallback', 'VARCHAR'],
      ],
      CANNABIS_CODES.map((r, i) => [
        i + 1,
        famId(r.family),
        r.cjis,
        r.from,
        r.to,
        r.ageMin,
        r.ageMax,
        r.weight,
        r.toc ?? null,
        r.literal ?? null,
      ]),
    ),
    `CREATE OR REPLACE TABLE cjis_table AS
SELECT cjis_code, statute, level, nullif(trim(literal), '') AS literal,
  CAST(valid_from AS DATE) AS valid_from, CAST(valid_to AS DATE) AS valid_to
FROM ${csv('cannabis-offense-codes.csv')}`,
    valuesTable(
      'other_offense_src',
      [
        ['id', 'INTEGER'],
        ['grp', 'INTEGER'],
        ['code_type', 'VARCHAR'],
        ['section', 'VARCHAR'],
        ['literal', 'VARCHAR'],
        ['toc', 'VARCHAR'],
        ['cjis', 'VARCHAR'],
        ['qualifier', 'VARCHAR'],
        ['w', 'BIGINT'],
        ['registrable', 'BOOLEAN'],
      ],
      OTHER_OFFENSES.map((r, i) => [
        1001 + i,
        GROUP_ID[r.group],
        r.codeType,
        r.section,
        r.literal,
        r.toc,
        r.cjis,
        r.qualifier,
        r.weight,
        r.registrable,
      ]),
    ),
    `CREATE OR REPLACE TABLE offense AS
WITH canna AS (
  SELECT s.id, TRUE AS is_canna, split_part(t.statute, ' ', 1) AS code_type, split_part(t.statute, ' ', 2) AS section,
    coalesce(t.literal, s.literal_fallback) AS literal, coalesce(s.toc_override, t.level) AS toc, s.cjis,
    CAST(NULL AS VARCHAR) AS qualifier, FALSE AS registrable
  FROM canna_code_src s JOIN cjis_table t ON t.cjis_code = s.cjis
), other AS (
  SELECT id, FALSE, code_type, section, literal, toc, cjis, qualifier, registrable FROM other_offense_src
)
SELECT id, is_canna, code_type, regexp_extract(section, '^[0-9.]+') AS base,
  substr(section, length(regexp_extract(section, '^[0-9.]+')) + 1) AS sub, literal, toc, cjis, qualifier, registrable,
  ${codeSql(TOC, 'toc')} AS toc_code, ${codeSql(QUALIFIERS, 'qualifier')} AS qual_code
FROM (SELECT * FROM canna UNION ALL SELECT * FROM other)`,
    bucketTable(
      'pick_off',
      `SELECT s.fam * 1000 + e.era * 10 + a.cls AS k, s.id AS item, s.w
       FROM canna_code_src s JOIN code_era e ON s.gen_from <= e.start_d AND s.gen_to >= e.end_d - 1
       JOIN age_class a ON s.age_min <= a.age_min AND s.age_max >= a.age_max
       UNION ALL
       SELECT ${NON_CANNABIS_KEY_BASE} + grp, id, w FROM other_offense_src
       UNION ALL
       SELECT ${NON_CANNABIS_KEY_BASE + GROUP_ID.NON}, id, w FROM other_offense_src
         WHERE grp IN (${GROUP_ID.REL}, ${GROUP_ID.OTH})`,
      BITS.offense,
    ),
  ]
}

/** Checks that must hold before anything is drawn; each query returns the problems it finds. */
export function referenceChecks(): { what: string; sql: string }[] {
  const eras = codeEraStarts().length
  return [
    { what: 'counties (expected 58)', sql: `SELECT count(*) AS n FROM county HAVING count(*) <> 58` },
    {
      what: 'cannabis codes missing from cannabis-offense-codes.csv',
      sql: `SELECT s.cjis FROM canna_code_src s ANTI JOIN cjis_table t ON t.cjis_code = s.cjis`,
    },
    {
      what: 'cannabis code windows outside the dated validity of the code',
      sql: `SELECT s.cjis, s.gen_from, s.gen_to, t.valid_from, t.valid_to FROM canna_code_src s
            JOIN cjis_table t ON t.cjis_code = s.cjis
            WHERE s.gen_from < coalesce(t.valid_from, DATE '1900-01-01') OR s.gen_to > coalesce(t.valid_to, DATE '9999-12-31')`,
    },
    {
      what: 'offense families without a code for some era and age class',
      sql: `SELECT count(DISTINCT pk) AS n FROM pick_off WHERE pk < ${NON_CANNABIS_KEY_BASE}
            HAVING count(DISTINCT pk) <> ${FAMILIES.length * eras * AGE_CLASSES.length}`,
    },
    {
      // lines are formatted in SQL and only PRI_NAME and COMMENT_TEXT are quoted there
      what: 'reference texts holding a comma, quote or line break',
      sql: `SELECT v FROM (
              SELECT base || sub || code_type || literal || coalesce(cjis, '') AS v FROM offense
              UNION ALL SELECT ori || descr FROM agency UNION ALL SELECT ori || descr FROM court
              UNION ALL SELECT cc || name FROM county)
            WHERE regexp_matches(v, '[",\n\r]')`,
    },
    {
      what: 'pick tables with a key not fully covered',
      sql: `SELECT 'pick_off' AS t, pk FROM pick_off GROUP BY pk HAVING count(*) <> ${2 ** BITS.offense}
            UNION ALL SELECT 'pick_race', pk FROM pick_race GROUP BY pk HAVING count(*) <> ${2 ** BITS.race}
            UNION ALL SELECT 'pick_county', pk FROM pick_county GROUP BY pk HAVING count(*) <> ${2 ** BITS.county}
            UNION ALL SELECT 'pick_sent', pk FROM pick_sent GROUP BY pk HAVING count(*) <> ${2 ** BITS.sentence}`,
    },
  ]
}

export const SENTENCE_CLASS_ID: Record<(typeof SENTENCE_CLASSES)[number], number> = Object.fromEntries(
  SENTENCE_CLASSES.map((c, i) => [c, i]),
) as Record<(typeof SENTENCE_CLASSES)[number], number>

function sentenceTables(): string[] {
  const patterns = SENTENCE_PATTERNS.map((p, i) => [
    i + 1,
    SENTENCE_CLASS_ID[p.cls],
    p.weight,
    dispositionIndex(p.disp),
  ])
  const parts = SENTENCE_PATTERNS.flatMap((p, i) =>
    p.parts.map((part, j) => [
      i + 1,
      j + 1,
      codeOf(SENT_LOC, part.loc),
      part.len?.[0] ?? null,
      part.len?.[1] ?? null,
      part.len ? codeOf(TIME_UNIT, part.len[2]) : null,
    ]),
  )
  return [
    valuesTable(
      'sent_pattern',
      [
        ['id', 'INTEGER'],
        ['cls', 'INTEGER'],
        ['w', 'BIGINT'],
        ['disp_idx', 'INTEGER'],
      ],
      patterns,
    ),
    valuesTable(
      'sent_part',
      [
        ['pattern', 'INTEGER'],
        ['part_no', 'TINYINT'],
        ['loc_code', 'TINYINT'],
        ['len_lo', 'INTEGER'],
        ['len_hi', 'INTEGER'],
        ['unit_code', 'TINYINT'],
      ],
      parts,
    ),
    bucketTable('pick_sent', 'SELECT cls AS k, id AS item, w FROM sent_pattern', BITS.sentence),
  ]
}

export function referenceTableSql(disparity: number): string[] {
  return [
    ...countyTables(disparity),
    ...yearTable(),
    ...familyTables(),
    ...offenseTables(),
    ...sentenceTables(),
  ]
}
