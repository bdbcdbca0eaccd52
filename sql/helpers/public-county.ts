/**
 * Public outputs name only the 58 California counties (ref_counties): a county column in the extract is typed
 * by people, and whatever was typed there must not be published. Anything else, and a missing county, is
 * published as "Unknown county"; mart_data_quality counts those counts.
 */
export const UNKNOWN_COUNTY = 'Unknown county'

/** The county as a public output may show it. The model must list ref_counties in dependsOn. */
export const publicCounty = (expr: string): string =>
  `case when ${expr} in (select county from ref_counties) then ${expr} else '${UNKNOWN_COUNTY}' end`
