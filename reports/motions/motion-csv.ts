/**
 * The CSV twin of a court's motion PDF: the same rows in the same order, one line per court case and relief,
 * for the office's case-management import. `schedule` is the letter the PDF files the row under;
 * `reduced_level` says what a reduction asks for (empty otherwise). RFC 4180 quoting; '\n' line ends; UTF-8 without BOM.
 */
import type { MotionCase } from './motion-case.ts'
import { MOTION_CSV_COLUMNS } from '../../data-contracts/outputs/motion-cases.contract.ts'
import { spreadsheetSafe } from '../../data-contracts/outputs/spreadsheet-safety.ts'
import { reliefLabel, type MotionRelief, type ReliefSection } from './relief-sections.ts'
import { ByteBuffer } from './byte-buffer.ts'

export { MOTION_CSV_COLUMNS }

const NEEDS_QUOTES = /[",\r\n]/

/** One cell as the CSV writes it: made spreadsheet-safe if text, quoted where RFC 4180 needs it. */
export function csvField(v: string | number | null): string {
  // Text cells a spreadsheet would run as a formula get a leading ' (OWASP CSV injection); numbers stay numbers.
  const s = v === null ? '' : typeof v === 'string' ? spreadsheetSafe(v) : String(v)
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const utf8 = new TextEncoder()

/** UTF-8 text of a CSV. */
class Utf8Sink extends ByteBuffer {
  constructor() {
    super(1 << 16)
  }

  /** Text as UTF-8: ASCII copied here code by code, anything else by the native encoder. */
  text(s: string): void {
    this.reserve(3 * s.length)
    const b = this.buf
    let at = this.length
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c > 0x7f) {
        this.length += utf8.encodeInto(s, b.subarray(this.length)).written
        return
      }
      b[at++] = c
    }
    this.length = at
  }

  /** A fresh, unpooled copy of what was written. */
  take(): Uint8Array {
    return this.buf.slice(0, this.length)
  }
}

/** A row's relief cells, schedule … is_related, as CSV text. */
export const reliefCsv = (section: ReliefSection, c: MotionRelief): string =>
  [
    section.schedule,
    c.remedy,
    reliefLabel(c),
    c.reduced_level,
    c.determination,
    c.layer,
    c.is_related ? 'true' : 'false',
  ]
    .map(csvField)
    .join(',')

/**
 * The CSV as UTF-8 bytes. Each line is built as text up to its reason, then the reason's bytes: the reasons
 * are a few hundred distinct texts of ~300 characters (a statewide run writes 100+ MB of CSV, most of it
 * reasons), so each is quoted and encoded once per file; so are the cells that repeat row after row (county
 * and court, the relief columns). Appending each line to one buffer as it is made keeps the garbage
 * collector from carrying 200,000 lines to the end.
 */
export function motionCsvBytes(
  sections: readonly { section: ReliefSection; cases: readonly MotionCase[] }[],
): Uint8Array {
  const out = new Utf8Sink()
  out.text(MOTION_CSV_COLUMNS.join(',') + '\n')
  const places = new Map<string, string>()
  const reliefs = new Map<string, string>()
  const reasons = new Map<string, Uint8Array>()
  for (const { section, cases } of sections)
    for (const c of cases) {
      // county, court: the same on every row of a court's file.
      const placeKey = `${c.county ?? '\u0000'}\u0001${c.court ?? '\u0000'}`
      let place = places.get(placeKey)
      if (place === undefined) places.set(placeKey, (place = `${csvField(c.county)},${csvField(c.court)}`))
      // schedule … is_related: a handful of combinations.
      const reliefKey = `${section.schedule}\u0001${c.remedy}\u0001${c.reduced_level ?? '\u0000'}\u0001${c.determination}\u0001${c.layer}\u0001${c.is_related}`
      let relief = reliefs.get(reliefKey)
      if (relief === undefined) reliefs.set(reliefKey, (relief = reliefCsv(section, c)))
      let reason = reasons.get(c.reason)
      if (reason === undefined) reasons.set(c.reason, (reason = Buffer.from(`${csvField(c.reason)}\n`)))
      out.text(
        `${place},${relief},${csvField(c.case_number)},${csvField(c.subject_id)},${csvField(c.name)},${csvField(c.aka)},${csvField(c.dob)},${csvField(c.cii_number)},${csvField(c.conviction_date)},${csvField(c.code_sections)},${csvField(c.counts)},${csvField(c.count_orders)},${csvField(c.rule_ids)},`,
      )
      out.bytes(reason)
    }
  return out.take()
}

/** The same CSV as text. */
export function motionCsv(
  sections: readonly { section: ReliefSection; cases: readonly MotionCase[] }[],
): string {
  return Buffer.from(motionCsvBytes(sections)).toString('utf8')
}
