/**
 * The schedules of a bulk motion, in the order a court reads them: relief requested first, then the cases
 * still under review, then the People's challenges. Schedules A-C are HS 11361.8 relief only. What the DA's
 * policy asks beyond the statute (a dismissal the statute does not give, a related non-Prop 64 charge) has
 * its own schedule with its own authority, PC 1385, so the court never reads it as Prop 64 relief.
 * Text here is what the cover motion, the table headings and the row labels say; keep it plain and cite.
 */
import type { MotionCase } from './motion-case.ts'

export interface ReliefSection {
  /** Which rows belong here: see scheduleKey. */
  readonly key: string
  /** Schedule letter on the cover and in the table headings. */
  readonly schedule: string
  readonly title: string
  readonly citation: string
  /** What the People ask for these cases, for the cover motion. */
  readonly request: string
  /** Label of the reason line every row prints. */
  readonly reasonLabel: string
  /** Whether the court is asked to grant relief for this schedule (counts toward the order). */
  readonly reliefRequested: boolean
}

/** The schedule of what the policy asks beyond HS 11361.8. */
export const BEYOND_STATUTE = 'beyond_statute'

export const RELIEF_SECTIONS: readonly ReliefSection[] = [
  {
    key: 'dismiss_and_seal',
    schedule: 'A',
    title: 'Dismiss and seal',
    citation: 'HS 11361.8(e)-(f)',
    request:
      'The sentence is complete and the conduct is no longer an offense under Proposition 64. The People ask that each listed conviction be dismissed as legally invalid and the record sealed.',
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    key: 'redesignate',
    schedule: 'B',
    title: 'Redesignate as misdemeanor or infraction',
    citation: 'HS 11361.8(e)-(f)',
    request:
      'The sentence is complete and Proposition 64 makes the offense a lesser one. The People ask that each listed conviction be redesignated as the misdemeanor or infraction its row names.',
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    key: 'recall_and_resentence',
    schedule: 'C',
    title: 'Recall and resentence',
    citation: 'HS 11361.8(a)-(b)',
    request:
      'The sentence had not ended on the as-of date. The People ask that each listed sentence be recalled and the person resentenced as the misdemeanor or infraction its row names, or the conviction dismissed as legally invalid where the row says so.',
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    key: BEYOND_STATUTE,
    schedule: 'D',
    title: 'Dismiss in the interest of justice (DA policy)',
    citation: 'PC 1385',
    // People v. Chavez (2018) 4 Cal.5th 771: the court's PC 1385 power ends when probation has ended.
    request:
      "Beyond the relief HS 11361.8 gives, and as a matter of the People's policy, the People move to dismiss each listed conviction in the interest of justice under Penal Code section 1385: Proposition 64 counts the statute alone would not dismiss, and related non-Proposition 64 convictions from the same arrest cycle. These are not dismissals under HS 11361.8 and this motion does not seal them. Section 1385 is not available once probation has ended (People v. Chavez (2018) 4 Cal.5th 771); each row says whether the sentence was still running on the as-of date. A row asking for a redesignation asks for what HS 11361.8 does not give, and its authority must be confirmed before filing; rows marked Review are listed for notice only.",
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    key: 'review',
    schedule: 'E',
    title: 'Under review',
    citation: 'HS 11361.9(b)',
    request:
      'The record does not hold every fact the decision needs; the missing facts are named for each case. Listed for notice only: the People will complete the review and file a supplemental response.',
    reasonLabel: 'Missing facts',
    reliefRequested: false,
  },
  {
    key: 'not_eligible',
    schedule: 'F',
    title: 'Not eligible (challenged)',
    citation: 'HS 11361.9(b)',
    request:
      'The People challenge relief for each listed conviction on the ground stated for it (the person does not meet the criteria of HS 11361.8), and give notice of the challenge to the Public Defender.',
    reasonLabel: 'Ground',
    reliefRequested: false,
  },
]

/**
 * The schedule a row belongs to: what the policy decided beyond the statute (a dismissal or reduction the
 * statute did not give) and every related charge go to D; everything else by its remedy.
 */
export function scheduleKey(
  c: Pick<MotionCase, 'remedy' | 'determination' | 'layer' | 'is_related'>,
): string {
  if (c.is_related) return BEYOND_STATUTE
  if (c.layer === 'policy' && (c.determination === 'dismiss' || c.determination === 'reduce'))
    return BEYOND_STATUTE
  return c.remedy
}

/** The columns of a row that say what relief it asks for (its schedule, its Relief cell, its CSV's relief cells). */
export const RELIEF_COLUMNS = ['remedy', 'determination', 'reduced_level', 'layer', 'is_related'] as const
export type MotionRelief = Pick<MotionCase, (typeof RELIEF_COLUMNS)[number]>

/** The section for a key; a value this list does not know (a new policy remedy) gets its own schedule. */
export function sectionFor(key: string, extraIndex = 0): ReliefSection {
  const known = RELIEF_SECTIONS.find((s) => s.key === key)
  if (known) return known
  return {
    key,
    schedule: String.fromCharCode('G'.charCodeAt(0) + extraIndex),
    title: `Other: ${key.replaceAll('_', ' ')}`,
    citation: 'see reason',
    request: 'Listed for the Court with the reason given for each case.',
    reasonLabel: 'Reason',
    reliefRequested: false,
  }
}

/** The schedules of one court, in order, each with its rows in the order given (rows are pre-sorted). */
export function schedulesOf(
  cases: readonly MotionCase[],
  sections: readonly ReliefSection[],
): { section: ReliefSection; cases: MotionCase[] }[] {
  const byKey = new Map(sections.map((s) => [s.key, [] as MotionCase[]]))
  for (const c of cases) byKey.get(scheduleKey(c))?.push(c)
  return sections.map((section) => ({ section, cases: byKey.get(section.key)! }))
}

/** The standard schedules, then one per key the list does not know (sorted, from G). */
export function sectionsFor(
  rows: readonly Pick<MotionCase, 'remedy' | 'determination' | 'layer' | 'is_related'>[],
): ReliefSection[] {
  const extra = [...new Set(rows.map(scheduleKey))]
    .filter((k) => !RELIEF_SECTIONS.some((s) => s.key === k))
    .sort()
  return [...RELIEF_SECTIONS, ...extra.map((k, i) => sectionFor(k, i))]
}

const LEVEL = { misdemeanor: 'a misdemeanor', infraction: 'an infraction' } as const

/** "Redesignate as a misdemeanor" / "Redesignate as an infraction"; just "Redesignate" with no level. */
export const redesignateLabel = (level: MotionCase['reduced_level'], verb = 'Redesignate') =>
  level ? `${verb} as ${LEVEL[level]}` : verb

/** The relief one row asks for, in words (the schedule heading carries the authority). */
export function reliefLabel(c: MotionRelief): string {
  if (scheduleKey(c) === BEYOND_STATUTE) {
    const running = c.remedy === 'recall_and_resentence'
    if (c.determination === 'dismiss')
      return running ? 'Dismiss (sentence running)' : 'Dismiss (sentence ended)'
    if (c.determination === 'reduce') return redesignateLabel(c.reduced_level)
    if (c.determination === 'review') return 'Review'
  }
  switch (c.remedy) {
    case 'dismiss_and_seal':
      return 'Dismiss and seal'
    case 'redesignate':
      return redesignateLabel(c.reduced_level)
    case 'recall_and_resentence':
      return c.determination === 'dismiss'
        ? 'Recall; dismiss'
        : redesignateLabel(c.reduced_level, 'Recall; resentence')
    case 'review':
      return 'Review'
    case 'not_eligible':
      return 'Challenge'
    default:
      return c.remedy.replaceAll('_', ' ')
  }
}
