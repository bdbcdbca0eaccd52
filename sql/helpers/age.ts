/** Whole years of age on a date, written once: NULL when the DOB is unknown or after the date (bad data). */
export const ageOn = (dob: string, date: string): string =>
  `case when ${dob} is not null and ${date} >= ${dob} then date_sub('year', ${dob}, ${date}) end`
