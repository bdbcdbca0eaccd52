import { describe, expect, it } from 'vitest'
import { runModel } from '../../helpers/model-fixture.ts'
import { mart_explain_subjects } from '../../../sql/marts/mart_explain_subjects.ts'

describe('mart_explain_subjects', () => {
  it('one row per person: ISO date of birth, or null with the reason', async () => {
    const run = await runModel(mart_explain_subjects, {
      int_subjects: {
        columns: {
          subject_id: 'varchar',
          dob: 'date',
          dob_status: 'varchar',
          deceased: 'boolean',
          name: 'varchar',
        },
        rows: [
          { subject_id: 'A', dob: '1980-02-29', dob_status: 'ok', deceased: false },
          { subject_id: 'B', dob: null, dob_status: 'bad', deceased: true },
        ],
      },
    })
    expect(await run.rows('subject_id')).toEqual([
      { subject_id: 'A', dob: '1980-02-29', dob_status: 'ok', deceased: false },
      { subject_id: 'B', dob: null, dob_status: 'bad', deceased: true },
    ])
    run.close()
  })
})
