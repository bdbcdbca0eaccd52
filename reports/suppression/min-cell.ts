/**
 * Disclosure rule for everything written under public/: a published number that describes fewer than
 * MIN_CELL people is withheld, so a reader cannot single out a person from a small county or category.
 * One constant, imported by every public writer, so the summary, the marts, the report, the notebooks and
 * compare never disagree.
 */
export const MIN_CELL = 11

/**
 * A complement describing this many people or more is never withheld: it is published rounded instead
 * (see rounding.ts). Withholding hundreds of people to protect a handful hides more than it protects.
 */
export const LARGE_CELL = 100

/** True when a cell must be withheld under the primary rule alone (zero describes no one and is shown). */
export const isSmall = (people: number, minCell: number = MIN_CELL): boolean => people > 0 && people < minCell
