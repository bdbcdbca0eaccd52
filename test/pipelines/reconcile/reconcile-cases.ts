/**
 * The reconcile tests' DOJ extract and court index (reconcile.test.ts, court-only-motions.test.ts).
 */
import { conviction } from '../../helpers/doj-fixture.ts'

/**
 * One DOJ extract and one court index, each case built for one matching rule:
 *  A  DOJ "05CR0001234" (two HS 11359 counts) = court "05-cr-1234" (one charge): one court case, two DOJ counts.
 *  B  DOJ "06CR777" = court "BA-555" (the court numbers it its own way): matched by name + DOB, level disagrees.
 *  C  DOJ "07CR888": the court index does not know it (DOJ-only).
 *  D  court "GC-1", a felony HS 11359 of a person the DOJ does not know: court-only, review (no criminal history).
 *  E  court "GC-2", HS 11357(B) of the same unknown person at 30: court-only, dismissed by P64-11357B-01.
 *  F  DOJ "08CR999" (HS 11359) = court "08CR999" with an extra HS 11360(B) count: that count is court-only
 *     (and a gift of 28.5 g or less at 33: dismissed by P64-11360B-01).
 *  plus a court record with no case number and one in no California county (rejected, with line numbers).
 */
export const DOJ = [
  // A: two counts of one case.
  ...['001001001000', '001001002000'].flatMap((cnt) =>
    conviction({
      subject: '100',
      cnt,
      offense: '11359 HS-POSS MARIJUANA FOR SALE',
      convicted: '20050301',
      offenseDate: '20050101',
      caseNumber: '05CR0001234',
      county: 'LOS ANGELES',
      name: 'GARCIA,MARIA L',
      dob: '19700202',
    }),
  ),
  ...conviction({
    subject: '200',
    cnt: '001001001000',
    offense: '11360(A) HS-SELL MARIJUANA',
    convicted: '20060610',
    offenseDate: '20060101',
    caseNumber: '06CR777',
    county: 'ORANGE',
    name: 'SMITH,JOHN',
    dob: '19650505',
  }),
  ...conviction({
    subject: '300',
    cnt: '001001001000',
    offense: '11358 HS-PLANT/ETC MARIJUANA',
    convicted: '20070707',
    offenseDate: '20070101',
    caseNumber: '07CR888',
    county: 'ORANGE',
    name: 'LEE,KIM',
    dob: '19800808',
  }),
  ...conviction({
    subject: '400',
    cnt: '001001001000',
    offense: '11359 HS-POSS MARIJUANA FOR SALE',
    convicted: '20080808',
    offenseDate: '20080101',
    caseNumber: '08CR999',
    county: 'SAN DIEGO',
    name: 'BROWN,ANA',
    dob: '19750101',
  }),
]
export const COURT = [
  {
    court_case_number: '05-cr-1234',
    court: 'Superior Court Los Angeles',
    county: 'Los Angeles',
    defendant_name: 'Garcia, Maria',
    dob: '1970-02-02',
    charge_section: 'HS 11359',
    charge_level: 'F',
    disposition: 'CONVICTED - PLEA',
    disposition_date: '2005-03-01',
    offense_date: '2005-01-01',
  },
  {
    court_case_number: 'BA-555',
    court: 'Superior Court Orange',
    county: 'ORANGE',
    defendant_name: 'JOHN SMITH',
    dob: '19650505',
    charge_section: '11360(A) HS',
    charge_level: 'M',
    disposition: 'CONVICTED',
    disposition_date: '20060610',
    offense_date: '20060101',
  },
  {
    court_case_number: 'GC-1',
    court: 'Superior Court Fresno',
    county: 'Fresno',
    defendant_name: 'Doe, Jane',
    dob: '1960-01-01',
    charge_section: '11359 HS',
    charge_level: 'F',
    disposition: 'CONVICTED',
    disposition_date: '2001-05-05',
    offense_date: '2001-01-01',
    sentence: '90 DAYS JAIL',
  },
  {
    court_case_number: 'GC-2',
    court: 'Superior Court Fresno',
    county: 'FRESNO',
    defendant_name: 'Doe, Jane',
    dob: '1960-01-01',
    charge_section: 'HS 11357(b)',
    charge_level: 'M',
    disposition: 'CONVICTED',
    disposition_date: '1990-05-05',
    offense_date: '1990-01-01',
  },
  {
    court_case_number: '08CR999',
    court: 'Superior Court San Diego',
    county: 'San Diego',
    defendant_name: 'BROWN,ANA',
    dob: '1975-01-01',
    charge_section: '11359 HS',
    charge_level: 'F',
    disposition: 'CONVICTED',
    disposition_date: '2008-08-08',
    offense_date: '2008-01-01',
  },
  {
    court_case_number: '08CR999',
    court: 'Superior Court San Diego',
    county: 'San Diego',
    defendant_name: 'BROWN,ANA',
    dob: '1975-01-01',
    charge_section: '11360(B) HS',
    charge_level: 'M',
    disposition: 'CONVICTED',
    disposition_date: '2008-08-08',
    offense_date: '2008-01-01',
  },
  { court_case_number: '', county: 'Fresno', charge_section: '11359 HS', disposition: 'CONVICTED' },
  { court_case_number: 'X1', county: 'Atlantis', charge_section: '11359 HS', disposition: 'CONVICTED' },
]
