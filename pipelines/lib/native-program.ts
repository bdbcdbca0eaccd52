/**
 * The project's C programs (the native reader, the native motion drawer): each compiled once per machine with the
 * system's C compiler, on first use or at install, and kept under a name that carries its source's hash, so an
 * edited source is compiled again. Where none can be built (no compiler, no folder to keep it in), the caller does
 * the work in JavaScript or SQL instead and says why.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PROJECT = fileURLToPath(new URL('../../', import.meta.url))

/** Where a compiled program is kept: beside the launcher's bundles, else in the temp folder. */
function cacheDirs(): string[] {
  return [
    join(PROJECT, 'node_modules', '.cache', 'record-relief'),
    join(tmpdir(), `record-relief-${userInfo().uid}`),
  ]
}

export type NativeProgram = { path: string } | { why: string }

const compiled = new Map<string, Promise<NativeProgram>>()

/**
 * The program `name` built from `source` (about a second with -O2), or why it cannot be. Concurrent runs each
 * compile to a private name and rename; builds of earlier sources are removed.
 */
export function nativeProgram(name: string, source: string, what: string): Promise<NativeProgram> {
  let p = compiled.get(name)
  if (!p) {
    p = build(name, source, what)
    compiled.set(name, p)
  }
  return p
}

/** Forget a build (its file was removed while this process ran): the next call builds it again. */
export function forgetNativeProgram(name: string): void {
  compiled.delete(name)
}

async function build(name: string, source: string, what: string): Promise<NativeProgram> {
  const text = readFileSync(source)
  const key = createHash('sha256').update(text).update(process.arch).digest('hex').slice(0, 16)
  const cc = process.env.CC ?? 'cc'
  let lastWhy = 'no folder to keep it in'
  for (const dir of cacheDirs()) {
    const path = join(dir, `${name}-${key}`)
    try {
      if (statSync(path).isFile()) return { path }
    } catch {
      // not compiled yet
    }
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
    } catch (e) {
      lastWhy = `cannot create ${dir}: ${(e as Error).message}`
      continue
    }
    const tmp = `${path}.${process.pid}.tmp`
    const r = await runProgram(cc, ['-O2', '-std=gnu11', '-o', tmp, source, '-lm'])
    if (r.code !== 0) {
      rmSync(tmp, { force: true })
      return {
        why: `the C compiler (${cc}) could not build the ${what}: ${r.stderr.trim().split('\n')[0] ?? r.code}`,
      }
    }
    chmodSync(tmp, 0o700)
    renameSync(tmp, path)
    // Builds of earlier sources are of no further use (a run holding one open keeps it until it ends).
    for (const f of readdirSync(dir))
      if (f.startsWith(`${name}-`) && join(dir, f) !== path && !f.endsWith('.tmp'))
        rmSync(join(dir, f), { force: true })
    return { path }
  }
  return { why: lastWhy }
}

/** The programs running now: a run that is interrupted stops them before it removes their folders. */
const running = new Set<ChildProcess>()

/** Stops every program this process started (a run interrupted by a signal). */
export function stopNativePrograms(): void {
  for (const p of running) p.kill('SIGKILL')
}

/**
 * A finished process: its exit code, -1 when it could not be started or was stopped by a signal (then named). An
 * aborted `stop` kills it.
 */
export function runProgram(
  cmd: string,
  args: string[],
  stop?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string; signal?: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: stop })
    running.add(p)
    p.on('exit', () => running.delete(p))
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('error', (e) => resolve({ code: -1, stdout, stderr: e.message }))
    p.on('close', (code, signal) =>
      resolve({ code: code ?? -1, stdout, stderr, signal: signal ?? undefined }),
    )
  })
}
