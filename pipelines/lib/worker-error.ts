/** What a worker thread sends back for a failure: its stack where it has one, so the run's error shows where. */
export const workerErrorText = (e: unknown): string =>
  e instanceof Error ? (e.stack ?? e.message) : String(e)
