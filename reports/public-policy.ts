/**
 * Disclosure rule for everything written under public/: a published number that describes fewer than
 * MIN_CELL people is withheld (null), so a reader cannot single out a person from a small county or category.
 * One constant, imported by every public writer, so the summary and the report never disagree.
 */
export const MIN_CELL = 11
