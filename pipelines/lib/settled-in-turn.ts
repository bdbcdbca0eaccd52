/**
 * A few independent jobs with a cap on how many run at once (the output steps of a run). Like
 * Promise.allSettled: every job runs even if another fails, and the results keep the jobs' order. The jobs start
 * in order, at most `width` running at a time.
 */
export async function settledInTurn<T>(
  width: number,
  jobs: (() => Promise<T>)[],
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(jobs.length)
  let next = 0
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++
      try {
        results[i] = { status: 'fulfilled', value: await jobs[i]!() }
      } catch (reason) {
        results[i] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane))
  return results
}
