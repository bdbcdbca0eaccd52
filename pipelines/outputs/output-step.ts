/**
 * What an output step is: it reads marts from the run's database, hands typed rows to a renderer in
 * reports/, and writes the files (with their permissions). None of them changes a determination.
 */
import type { Db } from '../lib/duckdb.ts'
import type { Manifest } from '../../data-contracts/manifest.contract.ts'
import type { FileIdentity } from '../lib/file-identity.ts'

export interface OutputContext {
  db: Db
  /** Absolute run folder. */
  out: string
  runId: string
  asOf: string
  manifest: Manifest
  /**
   * Where the native reader noted each conviction count's lines in the inputs (its fold_count_lines files), when it
   * read them in this run: the DOJ files copy those lines without scanning the inputs again.
   */
  countLines?: readonly string[]
  /** Each input's identity while this run hashed it (file-identity.ts), when the run read it. */
  inputsAsRead?: ReadonlyMap<string, FileIdentity>
}

/** What output work started before the determinations knows: its own connection, and the run's settings. */
export interface EarlyContext {
  db: Db
  asOf: string
  county: string | null
}

export interface OutputStep {
  /** Name used by `relief export <name>` and in the progress lines. */
  readonly name: string
  /** Returns the files written, relative to the run folder. */
  write(ctx: OutputContext): Promise<string[]>
  /**
   * Work that reads only the intermediate models: a run starts it on its own connection as soon as they are
   * built, beside the determinations (which leave a core idle), and write() then waits for it.
   */
  readonly afterModels?: (ctx: EarlyContext) => Promise<void>
  /**
   * It reads only the marts that are views over the determinations (not the table marts): a run starts it as soon
   * as those views exist, while the table marts are built.
   */
  readonly beforeMarts?: boolean
}
