import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readSync, fstatSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Set TAGSHIP_KEEP_SERVICES=1 to keep every fixture's temp dir (configs, data, logs) for a post-mortem. */
const KEEP = process.env.TAGSHIP_KEEP_SERVICES === '1'

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `tagship-${prefix}-`))
}

export async function removeTempDir(dir: string): Promise<void> {
  if (!KEEP) await rm(dir, { recursive: true, force: true })
}

/** Steps to undo, run last-in first-out; every step runs even when one fails, so nothing leaks. */
export class Cleanup {
  private readonly steps: Array<() => unknown> = []

  add(step: () => unknown): void {
    this.steps.push(step)
  }

  async run(): Promise<void> {
    const errors: string[] = []
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step()
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e))
      }
    }
    if (errors.length > 0) throw new Error(`cleanup failed: ${errors.join('; ')}`)
  }
}

/** The last lines of a log file; reads only its end, since a daemon's log can be large. */
export function logTail(path: string, lines = 30): string {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const size = fstatSync(fd).size
    const length = Math.min(size, 64 * 1024)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface ExitStatus {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

export interface ManagedProcess {
  readonly name: string
  readonly pid: number
  readonly logPath: string
  /** Settles when the process has ended, however it ended. */
  readonly exited: Promise<ExitStatus>
  isRunning(): boolean
  /** SIGTERM, then SIGKILL after the grace period; resolves once it has exited. */
  stop(): Promise<void>
}

export interface StartOptions {
  /** Used in messages: "docker-registry did not become ready…". */
  readonly name: string
  readonly command: string
  readonly args: readonly string[]
  /** stdout and stderr are appended here, by the child itself, so the log survives the test process. */
  readonly logPath: string
  readonly env?: NodeJS.ProcessEnv
  /** Answers true once the service can be used; a throw counts as "not yet". */
  readonly ready: () => Promise<boolean>
  readonly timeoutMs?: number
  readonly graceMs?: number
}

/** Thrown when a service exits or stays unready; carries the log tail so the cause is in the test output. */
export class ServiceStartError extends Error {
  constructor(
    message: string,
    readonly tail: string
  ) {
    super(message)
    this.name = 'ServiceStartError'
  }
}

/** Start a long-running command and resolve once `ready` answers true; never leaves it running on failure. */
export async function startProcess(options: StartOptions): Promise<ManagedProcess> {
  const { name, command, args, logPath } = options
  const log = openSync(logPath, 'a')
  let child: ChildProcess
  let running = true
  let exited: Promise<ExitStatus>
  try {
    child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', log, log]
      // Not detached: it stays in the test run's process group, so Ctrl-C stops it too.
      // A service a test forgets to stop keeps Jest from exiting, which is loud, not silent.
    })
    // Listen before the first await, so even an instant exit is seen.
    exited = new Promise<ExitStatus>((resolve) =>
      child.once('exit', (code, signal) => {
        running = false
        resolve({ code, signal })
      })
    )
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve)
      child.once('error', (e) =>
        reject(new Error(`${name}: cannot start ${command}: ${e.message}`))
      )
    })
  } finally {
    closeSync(log)
  }
  const stop = async (): Promise<void> => {
    if (!running) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 5000)
    await exited
    clearTimeout(timer)
  }
  const managed: ManagedProcess = {
    name,
    pid: child.pid ?? -1,
    logPath,
    exited,
    isRunning: () => running,
    stop
  }

  const timeoutMs = options.timeoutMs ?? 15_000
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (!running) {
      const status = await exited
      const how = status.signal
        ? `was killed by ${status.signal}`
        : `exited with code ${status.code}`
      throw startError(`${name} ${how} before it was ready`, logPath)
    }
    if (await options.ready().catch(() => false)) return managed
    if (Date.now() > deadline) {
      await stop()
      throw startError(`${name} was not ready after ${timeoutMs / 1000} s and was stopped`, logPath)
    }
    await sleep(50)
  }
}

function startError(message: string, logPath: string): ServiceStartError {
  const tail = logTail(logPath)
  return new ServiceStartError(`${message}; last lines of ${logPath}:\n${tail}`, tail)
}
