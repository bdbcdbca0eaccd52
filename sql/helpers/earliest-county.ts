/**
 * A person's first conviction county, written once for DOJ and court-only people: the county of the conviction
 * with the earliest `day`, undated ones last, the county name breaking a tie so the answer never depends on line
 * order. An aggregate over the person's rows where `where` holds (and the county is known).
 */
export const earliestCountySql = (day: string, where: string): string =>
  `min({'day': coalesce(${day}, date '9999-12-31'), 'county': county}) filter (where ${where} and county is not null).county`
