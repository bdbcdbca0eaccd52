/**
 * The CSV twin of a court's motion PDF: the same rows in the same order, one line per court case and relief,
 * for the office's case-management import. `schedule` is the letter the PDF files the row under;
 * `reduced_level` says what a reduction asks for (empty otherwise). RFC 4180 quoting; '\n' line ends; UTF-8 without BOM.
 */
import type { MotionCase } from './motion-case.ts'
import { MOTION_CSV_COLUMNS } from '../../data-contracts/outputs/motion-cases.contract.ts'
import { spreadsheetSafe } from '../../data-contracts/outputs/spreadsheet-safety.ts'
import { reliefLabel, type ReliefSection } from './relief-sections.ts'

export { MOTION_CSV_COLUMNS }

function field(v: string | number | null): string {
  // Text cells a spreadsheet would run as a formula get a leading ' (OWASP CSV injection); numbers stay numbers.
  const s = v === null ? '' : typeof v === 'string' ? spreadsheetSafe(v) : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export function motionCsv(
  sections: readonly { section: ReliefSection; cases: readonly MotionCase[] }[],
): string {
  const lines = [MOTION_CSV_COLUMNS.join(',')]
  for (const { section, cases } of sections)
    for (const c of cases)
      lines.push(
        [
          c.county,
          c.court,
          section.schedule,
          c.remedy,
          reliefLabel(c),
          c.reduced_level,
          c.determination,
          c.layer,
          c.is_related ? 'true' : 'false',
          c.case_number,
          c.subject_id,
          c.name,
          c.aka,
          c.dob,
          c.cii_number,
          c.conviction_date,
          c.code_sections,
          c.counts,
          c.count_orders,
          c.rule_ids,
          c.reason,
        ]
          .map(field)
          .join(','),
      )
  return lines.join('\n') + '\n'
}
