/**
 * Courts and arresting agencies per county, built in SQL from the `county` table. ORIs follow the CA
 * pattern (court `CA019015J`: state, 3-digit county, 3-digit court, J) and names look like
 * `CASC LOS ANGELES METRO`; big counties get several courts. The ORIs are shaped like real ones but not
 * looked up: do not read meaning into a particular number.
 */
import { listLit, valuesTable } from './sql-helpers.ts'

/** Named courts of Los Angeles (the county with most cases); other big counties get compass suffixes. */
export const LA_COURTS = [
  'METRO',
  'AIRPORT',
  'COMPTON',
  'LONG BEACH',
  'PASADENA',
  'VAN NUYS',
  'SAN FERNANDO',
  'TORRANCE',
  'POMONA',
  'NORWALK',
] as const
const COURT_SUFFIXES = ['', 'NORTH', 'SOUTH', 'EAST'] as const

/** Police departments of the main cities, for the counties with many cases. */
export const CITY_POLICE: Record<string, readonly string[]> = {
  'LOS ANGELES': ['LOS ANGELES', 'LONG BEACH', 'PASADENA'],
  'SAN DIEGO': ['SAN DIEGO', 'CHULA VISTA'],
  ORANGE: ['SANTA ANA', 'ANAHEIM'],
  RIVERSIDE: ['RIVERSIDE'],
  'SAN BERNARDINO': ['SAN BERNARDINO'],
  'SANTA CLARA': ['SAN JOSE'],
  ALAMEDA: ['OAKLAND'],
  SACRAMENTO: ['SACRAMENTO'],
  'SAN FRANCISCO': ['SAN FRANCISCO'],
  FRESNO: ['FRESNO'],
  KERN: ['BAKERSFIELD'],
  HUMBOLDT: ['EUREKA'],
  'SAN JOAQUIN': ['STOCKTON'],
}

/** SQL expression: number of courts of a county row (columns name, total). */
export const COURT_COUNT_SQL = `CASE WHEN name = 'LOS ANGELES' THEN ${LA_COURTS.length}
  WHEN total >= 2000000 THEN 4 WHEN total >= 1000000 THEN 3 WHEN total >= 500000 THEN 2 ELSE 1 END`

/** `court(cc, idx, ori, descr)`, idx 0-based within the county. */
export function courtTableSql(): string {
  return `CREATE OR REPLACE TABLE court AS
SELECT cc, CAST(i AS INTEGER) AS idx,
  'CA0' || cc || '0' || CAST(10 + i AS VARCHAR) || 'J' AS ori,
  CASE WHEN name = 'LOS ANGELES' THEN 'CASC LOS ANGELES ' || ${listLit(LA_COURTS)}[i + 1]
       WHEN i = 0 THEN 'CASC ' || name
       ELSE 'CASC ' || name || ' ' || ${listLit(COURT_SUFFIXES)}[i + 1] END AS descr
FROM (SELECT cc, name, unnest(range(n_courts)) AS i FROM county)`
}

/** `agency(cc, idx, ori, descr)`: city police first, then sheriff and CHP; and `county.n_agencies`. */
export function agencyTableSql(): string[] {
  const police = Object.entries(CITY_POLICE).flatMap(([county, cities]) =>
    cities.map((city, i) => [county, i, `CAPD ${city}`] as const),
  )
  return [
    valuesTable(
      'city_police',
      [
        ['county', 'VARCHAR'],
        ['pos', 'INTEGER'],
        ['descr', 'VARCHAR'],
      ],
      police,
    ),
    `CREATE OR REPLACE TABLE agency AS
WITH a AS (
  SELECT c.cc, p.pos AS pos, p.descr FROM county c JOIN city_police p ON p.county = c.name
  UNION ALL SELECT cc, 100, 'CASO ' || name FROM county
  UNION ALL SELECT cc, 101, 'CAHP ' || name FROM county
)
SELECT cc, CAST(row_number() OVER (PARTITION BY cc ORDER BY pos) - 1 AS INTEGER) AS idx, descr,
  'CA0' || cc || lpad(CAST(row_number() OVER (PARTITION BY cc ORDER BY pos) AS VARCHAR), 2, '0') || '00' AS ori
FROM a`,
    `ALTER TABLE county ADD COLUMN n_agencies INTEGER`,
    `UPDATE county SET n_agencies = (SELECT count(*) FROM agency a WHERE a.cc = county.cc)`,
  ]
}
