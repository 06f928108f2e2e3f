import { checkoutContext } from '../context/git.js'
import { GITHUB_NAMES, githubContext, readGithub, type Env } from '../context/github.js'
import { readPayload } from '../context/payload.js'
import type { ContextSource } from '../inputs/context-source.js'
import type { EventContext } from '../tags/context.js'

/**
 * The run's event context: from the runner's `GITHUB_*` variables and payload,
 * or, with `context: git`, with the ref, commit and commit time of the
 * checkout in GITHUB_WORKSPACE (the event name and payload still the workflow's).
 */
export async function actionContext(
  source: ContextSource,
  env: Env,
  now: Date
): Promise<EventContext> {
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  if (source === 'workflow') return githubContext(env, payload, now)
  const dir = env.GITHUB_WORKSPACE || process.cwd()
  return checkoutContext(readGithub(env, payload), GITHUB_NAMES, dir, env, now)
}
