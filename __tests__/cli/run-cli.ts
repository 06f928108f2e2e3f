import type { Env } from '../../src/context/event.js'
import { main } from '../../src/cli/main.js'
import { NOW } from '../../__fixtures__/runner.js'

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Run the CLI in-process with captured output, the given environment and a fixed clock. */
export async function runCli(argv: readonly string[], env: Env = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    now: NOW
  })
  return { code, stdout, stderr }
}

/** Expected plain-text output, written as one string per line. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`
