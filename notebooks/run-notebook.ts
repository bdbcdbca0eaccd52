/**
 * `npm run notebook -- <name> [--input FILE] [--out DIR] [--as-of DATE] [--<option> VALUE]`: runs one
 * notebook and writes its document (index.html, README.md, charts) to out/notebooks/<name>/ by default.
 */
import { resolve } from 'node:path'
import { UserError } from '../pipelines/lib/user-error.ts'
import { VERSION } from '../pipelines/lib/version.ts'
import { Doc, type Notebook } from './notebook.ts'
import { ensureInput } from './ensure-input.ts'

const NOTEBOOKS: Record<string, () => Promise<Notebook>> = {
  'scenario-comparison': async () => (await import('./scenario-comparison.ts')).scenarioComparison,
  'disparity-audit': async () => (await import('./disparity-audit.ts')).disparityAudit,
}

export function parseArgs(argv: string[]): { name?: string; flags: Record<string, string> } {
  const flags: Record<string, string> = {}
  let name: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2)
      const v = inline ?? argv[++i]
      if (v === undefined) throw new UserError(`${a} needs a value`)
      flags[k!] = v
    } else if (!name) name = a
    else throw new UserError(`unexpected argument ${a}`)
  }
  return { name, flags }
}

export async function runNotebook(
  argv: string[],
  log: (s: string) => void = (s) => process.stderr.write(`${s}\n`),
) {
  const { name, flags } = parseArgs(argv)
  const known = Object.keys(NOTEBOOKS).join(', ')
  if (!name) throw new UserError(`which notebook? one of: ${known}`)
  const load = NOTEBOOKS[name]
  if (!load) throw new UserError(`no notebook "${name}"; one of: ${known}`)
  const nb = await load()
  const { input: givenInput, out: givenOut, 'as-of': asOf = '2026-01-01', ...options } = flags
  const input = await ensureInput(givenInput, log)
  const out = resolve(givenOut ?? `out/notebooks/${name}`)
  const started = performance.now()
  const doc = new Doc(nb.title, nb.question)
  await nb.run({ input, out, asOf, options }, doc)
  const seconds = (performance.now() - started) / 1000
  const files = doc.write(
    out,
    `Notebook ${name}, record-relief ${VERSION}; input ${input}; as of ${asOf}; ran in ${seconds.toFixed(1)} s. Numbers describing fewer than the public threshold of people are withheld.`,
  )
  return { name, out, files, seconds }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runNotebook(process.argv.slice(2))
    .then((r) =>
      process.stdout.write(
        `notebook ${r.name}: ${r.out}/index.html (${r.files.length} files) in ${r.seconds.toFixed(1)} s\n`,
      ),
    )
    .catch((e: unknown) => {
      if (e instanceof UserError) {
        process.stderr.write(`notebook: ${e.message}\n`)
        process.exit(2)
      }
      throw e
    })
}
