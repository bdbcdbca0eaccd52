/** Turns schema issues into one line a person can act on: the file, the key path, what was expected. */
import type { z } from 'zod'
import { ALLOWED_KEYS } from '../../data-contracts/policy.schema.ts'

type Issue = z.core.$ZodIssue

export function keyPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('')
}

/** "felony.HS 11357" and "related_charges[2]" both look up the keys allowed at "felony" / "related_charges". */
function allowedAt(path: readonly PropertyKey[]): readonly string[] | undefined {
  return ALLOWED_KEYS[path.filter((k) => typeof k === 'string').join('.')]
}

export function describeIssue(issue: Issue, prefix: readonly PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path]
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedAt(path)
      return issue.keys
        .map(
          (k) =>
            `key ${keyPath([...path, k])} is not allowed${allowed ? ` (expected one of: ${allowed.join(', ')})` : ''}`,
        )
        .join('; ')
    }
    case 'invalid_value':
      return `key ${keyPath(path)}: expected one of ${issue.values.map((v) => String(v)).join(', ')}`
    case 'invalid_union': {
      // Report the branch that got furthest: the one whose issues are not a type mismatch at its root.
      const branches = issue.errors
      const best =
        branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? branches[0]
      return best?.length
        ? best.map((i) => describeIssue(i, path)).join('; ')
        : `key ${keyPath(path)}: ${issue.message}`
    }
    default:
      return `key ${keyPath(path) || '(top level)'}: ${issue.message.replace(/^Invalid input: /, '')}`
  }
}
