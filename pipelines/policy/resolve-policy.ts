/**
 * `--policy NAME|FILE` → a ResolvedPolicy: read the preset or file, validate it against the contract, follow
 * `extends` through the presets, and merge (the file's own keys win). Every problem is a UserError naming the
 * file and the key path.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { basename, extname, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { UserError } from '../lib/user-error.ts'
import {
  DISMISS_WHEN_KEYS,
  EXCLUDE_WHEN_KEYS,
  POLICY_FELONY_SECTIONS,
  PolicyFileSchema,
  type PolicyFile,
} from '../../data-contracts/policy.schema.ts'
import {
  NO_DISMISS_WHEN,
  NO_EXCLUDE_WHEN,
  type DismissWhen,
  type ExcludeWhen,
  type ResolvedPolicy,
} from '../../sql/rules/policy/resolved-policy.ts'
import { presetFile, presetNames } from './presets.ts'
import { describeIssue } from './policy-errors.ts'

interface Loaded {
  file: string
  sha256: string
  policy: PolicyFile
}

/** Reads and validates one policy file (no `extends` followed). */
export function loadPolicyFile(file: string): Loaded {
  const label = file
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UserError(`policy file ${label}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`)
  }
  let data: unknown
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (e) {
    const kind = extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'
    throw new UserError(`policy file ${label}: not valid ${kind}: ${(e as Error).message.split('\n')[0]}`)
  }
  const r = PolicyFileSchema.safeParse(data)
  if (!r.success)
    throw new UserError(`policy file ${label}: ${r.error.issues.map((i) => describeIssue(i)).join('; ')}`)
  return { file, sha256: createHash('sha256').update(text).digest('hex'), policy: r.data }
}

/** A preset name or a path to a .yaml/.yml/.json file. */
export function resolvePolicy(arg: string): ResolvedPolicy {
  const preset = presetFile(arg)
  if (preset) return resolveFile(preset, true)
  if (/\.(ya?ml|json)$/i.test(arg) && existsSync(arg)) return resolveFile(resolve(arg), false)
  throw new UserError(
    `--policy ${arg}: not a preset (expected one of: ${presetNames().join(', ')}) nor an existing .yaml/.yml/.json policy file`,
  )
}

function resolveFile(file: string, isPreset: boolean): ResolvedPolicy {
  const top = loadPolicyFile(file)
  if (isPreset && top.policy.name !== basename(file, '.yaml'))
    throw new UserError(
      `policy file ${file}: key name: expected "${basename(file, '.yaml')}" (the preset's file name)`,
    )
  // Outermost first: the file itself, then what it extends, and so on.
  const chain: Loaded[] = [top]
  for (let cur = top; cur.policy.extends !== undefined;) {
    const parentName = cur.policy.extends
    const parentFile = presetFile(parentName)
    if (!parentFile)
      throw new UserError(
        `policy file ${cur.file}: key extends: unknown preset "${parentName}" (expected one of: ${presetNames().join(', ')})`,
      )
    if (chain.some((l) => l.file === parentFile))
      throw new UserError(
        `policy file ${cur.file}: key extends: "${parentName}" leads back to itself (${chain.map((l) => l.policy.name).join(' → ')} → ${parentName})`,
      )
    cur = loadPolicyFile(parentFile)
    chain.push(cur)
  }
  const merged = [...chain].reverse().reduce(applyFile, base())
  return {
    ...merged,
    name: top.policy.name,
    description: top.policy.description ?? null,
    citation: merged.citation || `policy file ${basename(file)}`,
    chain: chain.map((l) => l.policy.name),
    file,
    sha256: top.sha256,
    preset: isPreset,
  }
}

function base(): ResolvedPolicy {
  return {
    name: '',
    description: null,
    citation: '',
    chain: [],
    file: null,
    sha256: null,
    preset: false,
    felony: {},
    misdemeanor: 'statute',
    dismiss_when: { ...NO_DISMISS_WHEN },
    exclude_when: { ...NO_EXCLUDE_WHEN },
    related_charges: [],
    sources: {},
  }
}

/** One file's keys over what it extends: a key present wins; `statute` / null turn an inherited choice off. */
function applyFile(acc: ResolvedPolicy, l: Loaded): ResolvedPolicy {
  const f = l.policy
  const felony = { ...acc.felony }
  for (const s of POLICY_FELONY_SECTIONS) {
    const c = f.felony?.[s]
    if (c === 'statute') delete felony[s]
    else if (c) felony[s] = c
  }
  const dismiss_when: DismissWhen = { ...acc.dismiss_when }
  for (const k of DISMISS_WHEN_KEYS) {
    const v = f.dismiss_when?.[k]
    if (v !== undefined) (dismiss_when as unknown as Record<string, unknown>)[k] = v
  }
  const exclude_when: ExcludeWhen = { ...acc.exclude_when }
  for (const k of EXCLUDE_WHEN_KEYS) {
    const v = f.exclude_when?.[k]
    if (v !== undefined) exclude_when[k] = v
  }
  return {
    ...acc,
    citation: f.citation ?? acc.citation,
    felony,
    misdemeanor: f.misdemeanor ?? acc.misdemeanor,
    dismiss_when,
    exclude_when,
    related_charges: f.related_charges
      ? f.related_charges.map((r) =>
          typeof r === 'string' ? { section: r, outcome: 'dismiss' as const } : r,
        )
      : acc.related_charges,
    sources: { ...acc.sources, ...f.sources },
  }
}
