/**
 * The schedules of a bulk motion, one per relief (the `remedy` column of count_determinations), in the order
 * a court reads them: relief requested first, then the cases still under review, then the People's challenges.
 * Text here is what the cover motion and the table headings say; keep it plain and cite the subdivision.
 */
export interface ReliefSection {
  /** count_determinations.remedy value. */
  readonly remedy: string
  /** Schedule letter on the cover and in the table headings. */
  readonly schedule: string
  readonly title: string
  readonly citation: string
  /** What the People ask for these cases, one sentence for the cover motion. */
  readonly request: string
  /** Whether each row prints its reason (the missing facts, or the ground for the challenge). */
  readonly showReason: boolean
  readonly reasonLabel: string
  /** Whether the court is asked to grant relief for this schedule (counts toward the order). */
  readonly reliefRequested: boolean
}

export const RELIEF_SECTIONS: readonly ReliefSection[] = [
  {
    remedy: 'dismiss_and_seal',
    schedule: 'A',
    title: 'Dismiss and seal',
    citation: 'HS 11361.8(e)-(f)',
    request:
      'The sentence is complete and the conduct is no longer an offense under Proposition 64. The People ask that each listed conviction be dismissed as legally invalid and the record sealed.',
    showReason: false,
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    remedy: 'redesignate',
    schedule: 'B',
    title: 'Redesignate as misdemeanor or infraction',
    citation: 'HS 11361.8(e)-(f)',
    request:
      'The sentence is complete and Proposition 64 makes the offense a lesser one. The People ask that each listed conviction be redesignated as a misdemeanor or infraction.',
    showReason: false,
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    remedy: 'recall_and_resentence',
    schedule: 'C',
    title: 'Recall and resentence',
    citation: 'HS 11361.8(a)-(b)',
    request:
      'The sentence had not ended on the as-of date. The People ask that each listed sentence be recalled and the person resentenced as a misdemeanor or infraction, or the sentence dismissed as legally invalid where the schedule says so.',
    showReason: false,
    reasonLabel: 'Reason',
    reliefRequested: true,
  },
  {
    remedy: 'review',
    schedule: 'D',
    title: 'Under review',
    citation: 'HS 11361.9(b)',
    request:
      'The record does not hold every fact the decision needs; the missing facts are named for each case. Listed for notice only: the People will complete the review and file a supplemental response.',
    showReason: true,
    reasonLabel: 'Missing facts',
    reliefRequested: false,
  },
  {
    remedy: 'not_eligible',
    schedule: 'E',
    title: 'Not eligible (challenged)',
    citation: 'HS 11361.9(b)',
    request:
      'The People challenge relief for each listed conviction on the ground stated for it (the person does not meet the criteria of HS 11361.8), and give notice of the challenge to the Public Defender.',
    showReason: true,
    reasonLabel: 'Ground',
    reliefRequested: false,
  },
]

/** The section for a remedy; a value this list does not know (a new policy remedy) gets its own schedule. */
export function sectionFor(remedy: string, extraIndex = 0): ReliefSection {
  const known = RELIEF_SECTIONS.find((s) => s.remedy === remedy)
  if (known) return known
  return {
    remedy,
    schedule: String.fromCharCode('F'.charCodeAt(0) + extraIndex),
    title: `Other: ${remedy.replaceAll('_', ' ')}`,
    citation: 'see reason',
    request: 'Listed for the Court with the reason given for each case.',
    showReason: true,
    reasonLabel: 'Reason',
    reliefRequested: false,
  }
}

/** Short relief wording for one table row (the schedule heading carries the full text). */
export function reliefLabel(remedy: string, determination: string): string {
  switch (remedy) {
    case 'dismiss_and_seal':
      return 'Dismiss and seal'
    case 'redesignate':
      return 'Redesignate'
    case 'recall_and_resentence':
      return determination === 'dismiss' ? 'Recall; dismiss' : 'Recall; resentence'
    case 'review':
      return 'Review'
    case 'not_eligible':
      return 'Challenge'
    default:
      return remedy.replaceAll('_', ' ')
  }
}
