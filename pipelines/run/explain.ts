/**
 * `relief explain`: reads one person's rows from the explain marts of a finished run and prints them
 * (reports/explain/explain-text.ts draws the text).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDb } from '../lib/duckdb.ts'
import { outPaths } from '../lib/paths.ts'
import { UserError } from '../lib/user-error.ts'
import { selectRows } from '../lib/select-rows.ts'
import { qb } from '../../sql/kysely.ts'
import { explainText } from '../../reports/explain/explain-text.ts'

export async function explainSubject(out: string, subject: string): Promise<string> {
  const dbPath = outPaths(resolve(out)).db
  if (!existsSync(dbPath))
    throw new UserError(`${out}: no relief.duckdb here; run \`relief run --out ${out}\` first`)
  const db = await openDb(dbPath)
  try {
    const rows = await selectRows(
      db,
      qb.selectFrom('mart_explain_counts').selectAll().where('subject_id', '=', subject).orderBy('cnt_order'),
    )
    const [person] = await selectRows(
      db,
      qb.selectFrom('mart_explain_subjects').selectAll().where('subject_id', '=', subject),
    )
    if (!person) throw new UserError(`subject ${subject}: not in this run`)
    const [params] = await selectRows(db, qb.selectFrom('run_params').select('policy_name'))
    return explainText(subject, person, rows, params?.policy_name ?? 'statute')
  } finally {
    db.close()
  }
}
