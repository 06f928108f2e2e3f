import { tokenFetch } from './token-fetch.js'
import { jwtPayload, parseJsonObject } from '../shared/json.js'
import { route, viaProxy } from '../distribution/proxy-dispatch.js'
import {
  attemptsText,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retrying,
  type Pacing
} from '../shared/retry.js'
import { causeOf, messageOf, oneLine, quote } from '../shared/errors.js'
import { keptSecrets } from '../shared/scrub.js'
import { named, WordedError, words, wordsOf, type Words } from '../shared/words.js'
import { isLoopbackHost } from '../distribution/endpoint.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'

/** The audience Docker's identity service expects on the GitHub ID token. */
export const DOCKER_IDENTITY_AUDIENCE = 'https://identity.docker.com'

/** Docker's identity service; TAGSHIP_DOCKER_IDENTITY_URL names another (a private endpoint, a test). */
const DOCKER_IDENTITY = 'https://identity.docker.com'
export const IDENTITY_URL_VARIABLE = 'TAGSHIP_DOCKER_IDENTITY_URL'

/**
 * The access token's lifetime, in seconds: Docker takes 300 to 3600, and
 * DOCKERHUB_OIDC_EXPIREIN (docker/login-action's variable) asks for another.
 * The longest by default: tagship asks Docker Hub for fresh registry tokens
 * with it while it publishes, and a large publish outlasts five minutes.
 */
const EXPIRES_VARIABLE = 'DOCKERHUB_OIDC_EXPIREIN'
const EXPIRES_IN = { min: 300, max: 3600 }

const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'

export interface DockerhubOidc {
  /** The organisation (or user) the connection belongs to: the login's username. */
  readonly username: string
  readonly connectionId: string
}

export interface DockerhubOidcOptions {
  readonly mask: MaskSecret
  /** GitHub's OIDC ID token for an audience (see githubIdToken). */
  readonly getIdToken: (audience: string) => Promise<string>
  /** Where TAGSHIP_DOCKER_IDENTITY_URL and DOCKERHUB_OIDC_EXPIREIN are read; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  /** How the exchange retries (network errors, timeouts, 408, 429, 5xx); the default policy when undefined. */
  readonly pacing?: Pacing
}

/**
 * Logs in to Docker Hub without a stored token: the job's GitHub ID token is
 * exchanged (RFC 8693) at Docker's identity service, for the OIDC connection,
 * for a Docker access token that is the password of `username`. Both tokens
 * are masked the moment they exist, and no error message contains either.
 */
export async function dockerhubOidcCredentials(
  hub: DockerhubOidc,
  options: DockerhubOidcOptions
): Promise<BasicCredentials & { expiresAt?: Date }> {
  const kept = keptSecrets(options.mask)
  const secret = kept.keep
  const login = `Docker Hub login for ${hub.username} with OIDC`
  try {
    const env = options.env ?? process.env
    // A bad variable fails before GitHub is asked for anything.
    const url = new URL('oauth/token', identityUrl(env, login)).href
    const expiresIn = requestedLifetime(env, login)
    const idToken = secret(await options.getIdToken(DOCKER_IDENTITY_AUDIENCE))
    const pacing = options.pacing ?? { policy: DEFAULT_RETRY_POLICY }
    const { accessToken, expiresAt } = await exchange(url, hub, idToken, expiresIn, login, pacing)
    secret(accessToken)
    return { username: hub.username, password: accessToken, ...(expiresAt && { expiresAt }) }
  } catch (e) {
    // No cause: what lies underneath may carry a token in its details. Each
    // part keeps its edge spaces: they separate it from the inputs it names.
    throw new WordedError(
      wordsOf(e).map((part) =>
        typeof part === 'string' ? kept.scrub(part).replace(/\s+/g, ' ') : part
      )
    )
  }
}

/**
 * The base the exchange is sent under (`<base>oauth/token`): Docker's service,
 * or TAGSHIP_DOCKER_IDENTITY_URL (https, or http on loopback), path kept.
 */
export function identityUrl(env: NodeJS.ProcessEnv, login: string): string {
  const raw = env[IDENTITY_URL_VARIABLE]?.trim() || DOCKER_IDENTITY
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(
      `${login}: ${IDENTITY_URL_VARIABLE} ${quote(raw)} is not a URL (e.g. ${DOCKER_IDENTITY})`
    )
  }
  const plainLoopback = url.protocol === 'http:' && isLoopbackHost(url.host)
  if (url.protocol !== 'https:' && !plainLoopback) {
    throw new Error(
      `${login}: ${IDENTITY_URL_VARIABLE} ${quote(raw)} must be an https URL (plain http only on loopback): the GitHub ID token is sent there`
    )
  }
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`
}

function requestedLifetime(env: NodeJS.ProcessEnv, login: string): number {
  const raw = env[EXPIRES_VARIABLE]?.trim()
  if (!raw) return EXPIRES_IN.max
  const seconds = Number(raw)
  if (!/^\d+$/.test(raw) || seconds < EXPIRES_IN.min || seconds > EXPIRES_IN.max) {
    throw new Error(
      `${login}: ${EXPIRES_VARIABLE} ${quote(raw)} is not a lifetime Docker grants: give seconds from ${EXPIRES_IN.min} to ${EXPIRES_IN.max}`
    )
  }
  return seconds
}

/** `POST /oauth/token`: the GitHub ID token for a Docker access token. */
async function exchange(
  url: string,
  hub: DockerhubOidc,
  idToken: string,
  expiresIn: number,
  login: string,
  pacing: Pacing
): Promise<{ accessToken: string; expiresAt?: Date }> {
  const form = new URLSearchParams({
    grant_type: GRANT_TYPE,
    subject_token_type: ID_TOKEN_TYPE,
    subject_token: idToken,
    connection_id: hub.connectionId,
    expires_in: String(expiresIn)
  })
  // Through HTTPS_PROXY when the environment names one (see docs/proxies.md).
  const way = await route(new URL(url), [], process.env)
  const { res, body } = await retrying<{ res: Response; body: string }>(pacing, async (retry) => {
    const tries = attemptsText(retry + 1)
    let res: Response
    try {
      res = await tokenFetch(url, way, { method: 'POST', body: form })
    } catch (e) {
      // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
      const cause = messageOf(causeOf(e) ?? e)
      return {
        again: `${login}: ${url} failed: ${cause}`,
        error: new Error(
          `${login}: could not reach Docker's identity service at ${url} after ${tries}: ${cause}${viaProxy(way.proxy)} (check the network, or ${IDENTITY_URL_VARIABLE})`
        )
      }
    }
    const text = await res.text()
    if (isRetryableStatus(res.status))
      return {
        again: `${login}: ${url} answered HTTP ${res.status}`,
        retryAfter: res.headers.get('retry-after'),
        error: new Error(
          `${login}: Docker's identity service kept failing (HTTP ${res.status}: ${said(text)}) after ${tries}: run the step again later`
        )
      }
    return { value: { res, body: text } }
  })
  if (res.status >= 300 && res.status < 400) {
    throw new Error(
      `${login}: Docker's identity service answered with a redirect (HTTP ${res.status}); tagship sends the GitHub ID token only to ${url}: check ${IDENTITY_URL_VARIABLE}`
    )
  }
  if (!res.ok) throw new WordedError(refusal(login, res.status, body, hub, idToken))
  const json = parseJsonObject(body)
  const accessToken = json?.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new Error(
      `${login}: ${url} answered without an access_token (HTTP ${res.status}): is it Docker's identity service?`
    )
  }
  const lifetime = json?.expires_in
  return {
    accessToken,
    ...(typeof lifetime === 'number' && lifetime > 0
      ? { expiresAt: new Date(Date.now() + lifetime * 1000) }
      : {})
  }
}

/**
 * The identity service's refusal as one line that says what to change. It
 * answers as an OAuth token endpoint does (RFC 6749 §5.2): `error` and, at
 * times, `error_description`; a subject that no rule of the connection
 * matches (or a connection switched off) is a bare `access_denied`.
 */
function refusal(
  login: string,
  status: number,
  body: string,
  hub: DockerhubOidc,
  idToken: string
): Words {
  const { code, description } = identityError(body)
  const answer = `(HTTP ${status}: ${said(body)})`
  const text = `${code ?? ''} ${description ?? ''}`.toLowerCase()
  const connection = hub.connectionId
  if (
    status === 404 ||
    (/connection/.test(text) && /not found|unknown|does not exist|no such|invalid/.test(text))
  )
    return words`${login}: Docker knows no OIDC connection ${connection} ${answer}: check ${named('dockerhub-oidc-connection-id')} against the connection ID Docker Home shows under OIDC connections`
  if (
    status === 402 ||
    /\bplan\b|subscription|entitle|upgrade|not available|not enabled/.test(text)
  )
    return words`${login}: the Docker organisation's plan has no OIDC connections ${answer}: they come with Docker Team and Business; until then, set ${named('dockerhub-token')} to an organisation access token`
  if (code === 'access_denied') {
    const subject = subjectOf(idToken)
    const whose = subject ? `this job's subject ${subject}` : "this job's GitHub ID token"
    return words`${login}: Docker refused the exchange for connection ${connection} ${answer}: no rule of the connection matches ${whose}, or the connection is deactivated; its Failures table in Docker Home says which`
  }
  if (code === 'invalid_grant')
    return words`${login}: Docker did not accept the GitHub ID token ${answer}: check the runner's clock; the token is for the audience ${DOCKER_IDENTITY_AUDIENCE}`
  return words`${login}: Docker's identity service refused the exchange for connection ${connection} ${answer}`
}

/** `error` and `error_description` (or a bare `message` or `description`) of an answer. */
function identityError(body: string): { code?: string; description?: string } {
  const json = parseJsonObject(body)
  const text = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? oneLine(v).slice(0, 200) : undefined
  const code = text(json?.error)
  const description =
    text(json?.error_description) ?? text(json?.message) ?? text(json?.description)
  return { ...(code && { code }), ...(description && { description }) }
}

/** The answer as one phrase: `access_denied`, `invalid_request: connection not found`. */
function said(body: string): string {
  const { code, description } = identityError(body)
  const phrase = [code, description].filter(Boolean).join(': ')
  if (phrase !== '') return phrase
  const text = oneLine(body)
  return text === '' || text.startsWith('<') ? 'no error body' : text.slice(0, 200)
}

/** The `sub` claim of the ID token (read, not verified): not a secret, and what the rules match. */
function subjectOf(token: string): string | undefined {
  const sub = jwtPayload(token)?.sub
  return typeof sub === 'string' && sub !== '' ? oneLine(sub).slice(0, 200) : undefined
}
