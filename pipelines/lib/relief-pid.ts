/**
 * The id of the `relief` process the user started. Where bin/huge-pages.js started the program again, that is the
 * launcher, which waits for it and dies with it: work folders, staging folders and locks are named by it, so they
 * read as they always have (the process a user sees, a test kills, a lock names).
 */
export function reliefPid(): number {
  const launcher = Number(process.env.RELIEF_LAUNCHER_PID)
  return process.env.RELIEF_HUGE_PAGES === '1' && launcher === process.ppid ? launcher : process.pid
}
