import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { raw, ref, type SqlTemplate } from '../helpers/model-sql.ts'
import { stg_doj_rows } from './stg_doj_rows.ts'
import { codeColumns, parseCode } from '../helpers/charge-code.ts'

/**
 * Each distinct charge text of the extract (a coded line's charge, a conviction's charge as filed) parsed once into
 * its code section. A statewide file repeats a few thousand texts over millions of lines, and the regex was a fifth
 * of staging's time when it ran per line; the models look the codes up here by text.
 */
export const stg_charge_codes: Model = {
  name: 'stg_charge_codes',
  layer: 'staging',
  materialized: 'temp table',
  grain: 'one row per distinct charge text of the extract',
  sql: () =>
    chargeCodesOf(sql`
    select charge_text from ${ref(stg_doj_rows)} where charge_text is not null
    union
    select charged_text from ${ref(stg_doj_rows)} where charged_text is not null`),
}

/** The parse of a relation of distinct charge texts (one column, charge_text): both readers' staging uses it. */
export const chargeCodesOf = (texts: SqlTemplate): SqlTemplate => sql`
select charge_text, ${raw(codeColumns('code'))}
from (
  select charge_text, ${raw(parseCode('charge_text'))} as code
  from (${texts}
  ) texts
) parsed`
