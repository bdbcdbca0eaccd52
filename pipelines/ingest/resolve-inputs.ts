/**
 * Turns --input arguments (files, directories, globs) into a sorted list of files. A path named twice (say by
 * a directory and a glob) is one input; two different paths with the same content are refused
 * (duplicate-inputs.ts). A missing path or a pattern that matches nothing is a user error naming the argument.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError } from '../lib/user-error.ts'
import { refuseDuplicateInputs } from './duplicate-inputs.ts'

const EXTRACT_FILE = /\.(csv|dat|txt)$/i

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*'
        i++
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? walk(p) : [p]
  })
}

export function resolveInputs(args: readonly string[]): string[] {
  if (args.length === 0)
    throw new UserError('no --input given: name a DOJ extract file, a directory or a glob')
  const files = new Set<string>()
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const abs = resolve(arg)
      const base = abs.slice(0, abs.search(/[*?]/)).replace(/[^/]*$/, '')
      const re = globToRegExp(abs)
      const hits = existsSync(base) ? walk(base).filter((f) => re.test(f)) : []
      if (hits.length === 0) throw new UserError(`${arg}: no file matches this pattern`)
      hits.forEach((f) => files.add(f))
    } else {
      const abs = resolve(arg)
      if (!existsSync(abs)) throw new UserError(`${arg}: no such file or directory`)
      if (statSync(abs).isDirectory()) {
        const hits = walk(abs).filter((f) => EXTRACT_FILE.test(f))
        if (hits.length === 0) throw new UserError(`${arg}: directory holds no .csv or .dat file`)
        hits.forEach((f) => files.add(f))
      } else files.add(abs)
    }
  }
  const sorted = [...files].sort()
  refuseDuplicateInputs(sorted)
  return sorted
}
