/**
 * The `report` output step of `relief run`: the impact and disparity report with the default threshold.
 * Its renderer (charts, maps, the page) is loaded when the step runs, not when the program starts: it is the
 * largest set of modules a run needs, and the run's other work goes on meanwhile.
 */
import type { OutputStep } from './output-step.ts'

export const reportStep: OutputStep = {
  name: 'report',
  async write(ctx) {
    const { writeReport } = await import('./write-report.ts')
    return (await writeReport(ctx)).files
  },
}
