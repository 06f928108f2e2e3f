import { tokenFetch } from './token-fetch.js'
import { route, viaProxy } from '../distribution/proxy-dispatch.js'
import { causeOf, messageOf } from '../shared/errors.js'
import { isRetryableStatus, retrying, retryPolicy, type Pacing } from '../shared/retry.js'

/** The default: the `retries` input's default policy (the edges pass the run's). */
const PACING: Pacing = { policy: retryPolicy() }

/**
 * The runner's GitHub OIDC ID token for `audience`, asked as @actions/core's
 * getIDToken asks it (`GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…` with the
 * request token as Bearer; the answer's `value`), but through tagship's own
 * proxy rules (see docs/proxies.md) and retries: the same `HTTPS_PROXY` and
 * `NO_PROXY` as every other request, and no deprecated Buffer call in a
 * proxy tunnel. The caller masks the token (githubIdToken checks the
 * variables first and words the errors).
 */
export async function fetchGithubIdToken(
  audience: string,
  env: NodeJS.ProcessEnv = process.env,
  pacing: Pacing = PACING
): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!base || !requestToken)
    throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
  const url = new URL(base)
  url.searchParams.set('audience', audience)
  const way = await route(url, [], env)
  return retrying<string>(pacing, async () => {
    let res: Response
    try {
      res = await tokenFetch(url, way, {
        headers: { authorization: `Bearer ${requestToken}`, 'user-agent': 'actions/oidc-client' }
      })
    } catch (e) {
      const reason = `${messageOf(causeOf(e) ?? e)}${viaProxy(way.proxy)}`
      return {
        again: `GitHub's ID token service: ${reason}`,
        error: new Error(`GitHub's ID token service could not be reached: ${reason}`)
      }
    }
    const text = await res.text()
    if (isRetryableStatus(res.status))
      return {
        again: `GitHub's ID token service answered HTTP ${res.status}`,
        retryAfter: res.headers.get('retry-after'),
        error: new Error(`GitHub's ID token service answered HTTP ${res.status} after retrying`)
      }
    if (res.status !== 200) throw new Error(`GitHub's ID token service answered HTTP ${res.status}`)
    let value: unknown
    try {
      value = (JSON.parse(text) as { value?: unknown }).value
    } catch {
      value = undefined
    }
    if (typeof value !== 'string' || value === '')
      throw new Error("GitHub's ID token service answered with no token")
    return { value }
  })
}
