/**
 * A motion case's code sections as one text, 'HS 11357(B); HS 11359 x2': each section once, sorted, with its
 * number of counts when more than one. `sections` is a list expression of the case's sections, one per count.
 */
export const caseSectionsText = (sections: string): string =>
  `array_to_string(list_transform(list_sort(list_distinct(${sections})), x ->
      x || case when len(list_filter(${sections}, y -> y = x)) > 1 then ' x' || len(list_filter(${sections}, y -> y = x)) else '' end
    ), '; ')`
