import { sql } from 'kysely'
import type { Model } from '../model.ts'
import { ref } from '../helpers/model-sql.ts'
import { chargeCodesOf } from '../staging/stg_charge_codes.ts'
import { fold_charge_texts } from '../sources/fold_tables.ts'

/**
 * stg_charge_codes from the native reader's distinct charge texts: the same parse, over the same texts, with the
 * id the reader's other tables name a text by.
 */
export const stg_charge_codes_folded: Model = {
  name: 'stg_charge_codes',
  layer: 'staging',
  materialized: 'temp table',
  grain: 'one row per distinct charge text of the extract',
  sql: () => sql`
select t.charge_id, c.* from ${ref(fold_charge_texts)} t join (${chargeCodesOf(sql`
    select charge_text from ${ref(fold_charge_texts)}`)}) c using (charge_text)`,
}
