import { EOL } from 'node:os'
import type { PostState } from './state.js'

/**
 * What the post step reads and prints, written against the runner's protocol
 * itself rather than through @actions/core: core drags in its HTTP client
 * (undici, most of a 500 KB bundle) for a step that reads one variable and
 * prints a few lines. The lines are the ones core writes.
 */

/** The name main saves its state under; the runner hands it back as `STATE_<name>`. */
export const POST_STATE_KEY = 'tagship'

export function readPostState(
  env: Readonly<Record<string, string | undefined>> = process.env
): PostState | undefined {
  const text = env[`STATE_${POST_STATE_KEY}`] || ''
  if (text === '') return undefined
  return JSON.parse(text) as PostState
}

/** A plain log line. */
export function info(line: string): void {
  process.stdout.write(line + EOL)
}

/** A `::warning::` workflow command; its message escaped so it stays one line. */
export function warning(message: string): void {
  process.stdout.write(`::warning::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
