/**
 * Where a motion's convictions were found, and what its cover says because of it. The bulk motion lists the
 * convictions the DOJ identified; a supplemental motion lists those found only in the court's own case records
 * (relief reconcile), which the DOJ's records do not carry, so the court is told so and the DOJ must be sent
 * the order to create the record, not only to update it.
 */
export type MotionSource = 'doj_extract' | 'court_records'

export interface SourceWording {
  /** The document's title, printed in capitals on the cover. */
  readonly title: string
  /** The PDF's title in its metadata, before the court and county. */
  readonly pdfTitle: string
  /** The line under the caption naming the court as the source recorded it. */
  readonly courtAs: string
  /** The opening sentence: which convictions the People reviewed. */
  readonly reviewed: string
  /** Where the schedules' rows were taken from, in the preparation note. */
  readonly preparedFrom: string
}

export const SOURCE_WORDING: Readonly<Record<MotionSource, SourceWording>> = {
  doj_extract: {
    title: 'Bulk motion for relief under Health and Safety Code sections 11361.8 and 11361.9',
    pdfTitle: 'Bulk motion under HS 11361.9',
    courtAs: 'Court as recorded by the Department of Justice',
    reviewed:
      'the convictions in this court that the Department of Justice identified as potentially eligible for relief under section 11361.8',
    preparedFrom: 'from the Department of Justice criminal history extract',
  },
  court_records: {
    title:
      'Supplemental bulk motion for relief under Health and Safety Code sections 11361.8 and 11361.9: convictions found in the court records',
    pdfTitle: 'Supplemental bulk motion under HS 11361.9 (court records)',
    courtAs: "Court as recorded in the court's case index",
    reviewed:
      "the cannabis convictions in this court's own case records that the Department of Justice did not identify, each decided by the same criteria of section 11361.8 as the convictions it did",
    preparedFrom:
      "from this court's case index, matched against the Department of Justice criminal history extract; these convictions are not on the Department of Justice's list, so the order must be reported to it for each",
  },
}
