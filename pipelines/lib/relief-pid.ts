/**
 * The id of the `relief` process the user started. Where bin/huge-pages.js started the program again, that is the
 * launcher, which waits for it and dies with it: work folders, staging folders and locks are named by it, so they
 * read as they always have (the process a user sees, a test kills, a lock names).
 */
import { launcherPid } from '../../bin/huge-pages.js'

export const reliefPid = (): number => launcherPid() ?? process.pid
