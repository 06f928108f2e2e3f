import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'

export const CLI = join(FIXTURES_DIR, '..', 'dist', 'cli', 'index.js')

export interface BundledRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Run the bundled CLI as a user would, asynchronously so that fixtures in
 * this process (recording and fault proxies) keep answering. stdout and
 * stderr are pipes, so the CLI sees no terminal and prints plain lines.
 */
export function runBundledCli(
  argv: readonly string[],
  env: Readonly<Record<string, string>>
): Promise<BundledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
