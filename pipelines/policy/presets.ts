/** Where the preset policies live and what they are called: one YAML file per preset, named after it. */
import { existsSync, readdirSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const POLICY_DIR = fileURLToPath(new URL('../../data-contracts/policies', import.meta.url))

export function presetNames(): string[] {
  return readdirSync(POLICY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort()
}

export function presetFile(name: string): string | null {
  const p = join(POLICY_DIR, `${name}.yaml`)
  return /^[a-z0-9][a-z0-9-]*$/.test(name) && existsSync(p) ? p : null
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A policy file as a manifest records it: repo-relative for presets (stable across machines), else absolute. */
export function policyFileLabel(file: string | null): string | null {
  if (!file) return null
  const rel = relative(REPO_ROOT, file)
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel
}
