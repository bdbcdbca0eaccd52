/**
 * The `report` output step of `relief run`: the impact and disparity report with the default threshold.
 * Its publishing is loaded when the step runs, not when the program starts, and its drawing (charts, maps, the
 * page: the largest set of modules a run needs) is done on a worker thread (report-renderer.ts).
 */
import type { OutputStep } from './output-step.ts'

export const reportStep: OutputStep = {
  name: 'report',
  async write(ctx) {
    const { writeReport } = await import('./write-report.ts')
    return (await writeReport(ctx)).files
  },
}
