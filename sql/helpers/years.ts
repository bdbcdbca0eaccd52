/**
 * Years from a date to the run's as-of date, two decimals, as text: the YEARS_SINCE_* columns of the DOJ
 * result files, in the layout earlier tools used.
 */
export const yearsToAsOf = (from: string): string =>
  `cast(round(datediff('day', ${from}, (select as_of_date from run_params)) / 365.25, 2) as decimal(8, 2))::varchar`
