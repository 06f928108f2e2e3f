import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

/** GNU time: the kernel's own peak RSS of the child (ru_maxrss), no sampling gaps. */
const TIME_BIN = '/usr/bin/time'

export interface ProcResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
  /** Peak resident set of the process (the largest of it and its waited-for children), KiB. */
  readonly maxRssKb: number
}

export interface ProcOptions {
  readonly env: NodeJS.ProcessEnv
  readonly cwd?: string
  /** stdin (passwords go here, never in argv). */
  readonly input?: string
  /** Where GNU time writes its figure; one per concurrent process. */
  readonly scratchDir: string
}

let serial = 0

/**
 * Run a command to completion under GNU time, asynchronously: the latency and
 * recording proxies answer from this process, so it must never block.
 */
export function runTimed(
  command: string,
  args: readonly string[],
  options: ProcOptions
): Promise<ProcResult> {
  const rssFile = join(options.scratchDir, `rss-${process.pid}-${++serial}`)
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(TIME_BIN, ['-f', '%M', '-o', rssFile, command, ...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.once('error', reject)
    child.once('close', (code) => {
      const ms = performance.now() - start
      const text = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : ''
      rmSync(rssFile, { force: true })
      // GNU time prints "Command exited with non-zero status N" before the figure.
      const maxRssKb = Number(/(\d+)\s*$/.exec(text)?.[1] ?? 0)
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms,
        maxRssKb
      })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input)
  })
}

/** Like runTimed, for commands that must succeed. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: ProcOptions
): Promise<ProcResult> {
  const result = await runTimed(command, args, options)
  if (result.code !== 0) {
    const name = command.split('/').pop()
    throw new Error(
      `${name} ${args.slice(0, 2).join(' ')} failed (${result.code}):\n${result.stderr}`
    )
  }
  return result
}
