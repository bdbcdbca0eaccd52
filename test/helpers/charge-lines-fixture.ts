/**
 * Staged charge lines for a model test, written as the tests think of them (a line with its parsed code), split
 * into the two tables the models read: stg_doj_rows (the line, with its charge text) and stg_charge_codes (that
 * text's code). Each line gets a text of its own, so any code can be given without writing a charge it parses from.
 */
import type { Cell, FixtureTable } from './model-fixture.ts'

/** A charge line: who, which cycle and count, convicted or not, and the code its charge parsed to. */
export interface ChargeLine {
  subject_id: Cell
  cyc_order?: Cell
  cnt_order?: Cell
  is_conviction?: Cell
  code_type?: Cell
  section?: Cell
  code_section?: Cell
}

export function chargeLineTables(lines: readonly ChargeLine[]): {
  stg_doj_rows: FixtureTable
  stg_charge_codes: FixtureTable
} {
  const text = (i: number) => `CHARGE OF LINE ${i + 1}`
  return {
    stg_doj_rows: {
      columns: {
        subject_id: 'varchar',
        cyc_order: 'varchar',
        cnt_order: 'varchar',
        charge_text: 'varchar',
        is_conviction: 'boolean',
      },
      rows: lines.map((l, i) => ({
        subject_id: l.subject_id,
        cyc_order: l.cyc_order ?? null,
        cnt_order: l.cnt_order ?? null,
        charge_text: text(i),
        is_conviction: l.is_conviction ?? false,
      })),
    },
    stg_charge_codes: {
      columns: { charge_text: 'varchar', code_type: 'varchar', section: 'varchar', code_section: 'varchar' },
      rows: lines.map((l, i) => ({
        charge_text: text(i),
        code_type: l.code_type ?? null,
        section: l.section ?? null,
        code_section: l.code_section ?? null,
      })),
    },
  }
}
