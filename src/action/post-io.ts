import { getState } from './runner.js'
import type { PostState } from './state.js'

/**
 * What the post step reads and prints, through the runner's protocol
 * (runner.ts) rather than @actions/core: core drags in its HTTP client
 * (undici, most of a 500 KB bundle) for a step that reads one variable and
 * prints a few lines.
 */
export { info, warning } from './runner.js'

/** The name main saves its state under; the runner hands it back as `STATE_<name>`. */
export const POST_STATE_KEY = 'tagship'

export function readPostState(
  env: Readonly<Record<string, string | undefined>> = process.env
): PostState | undefined {
  const text = getState(POST_STATE_KEY, env)
  if (text === '') return undefined
  return JSON.parse(text) as PostState
}
