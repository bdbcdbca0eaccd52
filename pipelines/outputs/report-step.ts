/** The `report` output step of `relief run`: the impact and disparity report with the default threshold. */
import type { OutputStep } from './output-step.ts'
import { writeReport } from './write-report.ts'

export const reportStep: OutputStep = {
  name: 'report',
  async write(ctx) {
    return (await writeReport(ctx)).files
  },
}
