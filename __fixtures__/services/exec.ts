import { spawn } from 'node:child_process'

export interface RunOptions {
  /** Written to stdin, then stdin is closed: how passwords reach `docker login --password-stdin`. */
  readonly input?: string | Buffer
  /** Replaces the environment; merge with process.env yourself when you want to inherit it. */
  readonly env?: NodeJS.ProcessEnv
  readonly cwd?: string
  readonly timeoutMs?: number
}

export interface RunResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** stdout exactly as written, for content whose bytes matter (a raw manifest). */
  readonly stdoutBytes: Buffer
}

/** Run a command to completion. A non-zero exit resolves (tests assert on failures); only a spawn error or timeout rejects. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {}
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const timeoutMs = options.timeoutMs ?? 60_000
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args[0] ?? ''} did not finish within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    child.once('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`cannot run ${command}: ${e.message}`))
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const stdoutBytes = Buffer.concat(out)
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes
      })
    })
    // A command that exits without reading stdin (EPIPE) must not crash the test.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input)
  })
}

/** Run a command that must succeed; the error names the command and carries its stderr. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions = {}
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed with code ${result.code}:\n${result.stderr.trim()}`
    )
  }
  return result
}
