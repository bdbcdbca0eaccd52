/**
 * How a motion case (one court case under one relief) prints the counts it gathers, written once for the DOJ list's
 * motions and the court records' supplemental ones.
 */

/**
 * Its code sections as one text, 'HS 11357(B); HS 11359 x2': each section once, sorted, with its number of counts
 * when more than one. `sections` is a list expression of the case's sections, one per count.
 */
export const caseSectionsText = (sections: string): string =>
  `array_to_string(list_transform(list_sort(list_distinct(${sections})), x ->
      x || case when len(list_filter(${sections}, y -> y = x)) > 1 then ' x' || len(list_filter(${sections}, y -> y = x)) else '' end
    ), '; ')`

/**
 * Its conviction dates, rule ids and reasons, aggregated over its counts (`t` is the counts' table prefix, e.g.
 * 'c.'): each distinct and sorted, the reasons joined by ' | ' since they are sentences.
 */
export const caseTextAggregates = (t = ''): string =>
  `array_to_string(list_sort(list_distinct(list(${t}conviction_date))), '; ') as conviction_dates,
    array_to_string(list_sort(list_distinct(list(${t}rule_id))), '; ') as rule_ids,
    array_to_string(list_sort(list_distinct(list(${t}reason))), ' | ') as reason`
