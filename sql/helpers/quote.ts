/**
 * The one SQL quoting helper. Models, rules, the kysely compiler and the pipelines' COPY statements all
 * quote through here, so a value with a quote in it is escaped the same way everywhere.
 */

/** Quote a string as a SQL literal. */
export function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`
}
