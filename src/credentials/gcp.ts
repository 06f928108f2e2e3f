import { tokenFetch } from './token-fetch.js'
import { parseJsonObject } from '../shared/json.js'
import { route, viaProxy } from '../distribution/proxy-dispatch.js'
import {
  attemptsText,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retrying,
  type Pacing
} from '../shared/retry.js'
import { causeOf, messageOf, quote } from '../shared/errors.js'
import { keptSecrets } from '../shared/scrub.js'
import { WordedError, wordsOf } from '../shared/words.js'
import { isLoopbackHost } from '../distribution/endpoint.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'
import { iamRefusal, stsRefusal, type GoogleCall } from './gcp-errors.js'

/** The username Google's registries take with an OAuth access token as password. */
export const GAR_TOKEN_USERNAME = 'oauth2accesstoken'

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform'

/**
 * Where the two calls go, unless the environment names a Private Service
 * Connect endpoint (or a test's fixture): the service's root, as
 * `https://sts-myendpoint.p.googleapis.com`; tagship appends the API path.
 */
const ENDPOINTS = {
  sts: { variable: 'TAGSHIP_GCP_STS_URL', fallback: 'https://sts.googleapis.com' },
  iam: {
    variable: 'TAGSHIP_GCP_IAM_CREDENTIALS_URL',
    fallback: 'https://iamcredentials.googleapis.com'
  }
} as const

export interface GcpOidcOptions {
  readonly mask: MaskSecret
  /** GitHub's OIDC ID token for an audience (see githubIdToken). */
  readonly getIdToken: (audience: string) => Promise<string>
  /** Where the endpoint variables (and GITHUB_REPOSITORY, for hints) are read; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  /** How STS and IAM calls retry (network errors, timeouts, 408, 429, 5xx); the default policy when undefined. */
  readonly pacing?: Pacing
}

export interface GcpFederation {
  readonly workloadIdentityProvider: string
  readonly serviceAccount?: string
}

/**
 * Logs in to Google Artifact Registry without a stored secret: GitHub OIDC
 * token → federated access token (Google STS, RFC 8693 token exchange) →
 * with a service account, its access token (IAM Credentials
 * generateAccessToken). Every token is masked the moment it exists, and no
 * error message contains one.
 */
export async function gcpOidcCredentials(
  gcp: GcpFederation,
  options: GcpOidcOptions
): Promise<BasicCredentials & { expiresAt?: Date }> {
  const kept = keptSecrets(options.mask)
  const secret = kept.keep
  const env = options.env ?? process.env
  const pacing = options.pacing ?? { policy: DEFAULT_RETRY_POLICY }
  try {
    // A bad endpoint variable fails before GitHub is asked for anything.
    const sts = endpoint(env, ENDPOINTS.sts)
    const iam = gcp.serviceAccount ? endpoint(env, ENDPOINTS.iam) : undefined
    const provider = gcp.workloadIdentityProvider
    const idToken = secret(await options.getIdToken(`https://iam.googleapis.com/${provider}`))
    const federated = await exchange(`${sts}/v1/token`, provider, idToken, pacing)
    secret(federated.token)
    if (!iam || !gcp.serviceAccount) return login(federated)
    const impersonated = await generateAccessToken(
      { iam, serviceAccount: gcp.serviceAccount, provider, repository: env.GITHUB_REPOSITORY },
      federated.token,
      pacing
    )
    secret(impersonated.token)
    return login(impersonated)
  } catch (e) {
    // No cause: the errors underneath may carry a token in their details or requests.
    // Words, not text: the CLI names the inputs its own way. Each part on one line.
    throw new WordedError(
      wordsOf(e).map((part) =>
        typeof part === 'string' ? kept.scrub(part).replace(/\s+/g, ' ') : part
      )
    )
  }
}

interface Token {
  readonly token: string
  readonly expiresAt?: Date
}

function login(t: Token): BasicCredentials & { expiresAt?: Date } {
  return {
    username: GAR_TOKEN_USERNAME,
    password: t.token,
    ...(t.expiresAt && { expiresAt: t.expiresAt })
  }
}

/** `POST /v1/token`: the GitHub token for a federated access token of the provider's pool. */
async function exchange(
  url: string,
  provider: string,
  idToken: string,
  pacing: Pacing
): Promise<Token> {
  const call: GoogleCall = { service: 'Google STS', url, variable: ENDPOINTS.sts.variable }
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: `//iam.googleapis.com/${provider}`,
    scope: CLOUD_PLATFORM,
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    subject_token: idToken
  })
  const { status, body } = await post(call, { body: form }, pacing)
  if (status < 200 || status > 299) throw stsRefusal(call, provider, status, body)
  const json = parseJsonObject(body)
  const token = json?.access_token
  if (typeof token !== 'string' || token === '') throw noToken(call, status, 'access_token')
  const seconds = json?.expires_in
  return {
    token,
    ...(typeof seconds === 'number' && { expiresAt: new Date(Date.now() + seconds * 1000) })
  }
}

/** `POST …/serviceAccounts/<email>:generateAccessToken`, with the federated token as Bearer. */
async function generateAccessToken(
  target: {
    iam: string
    serviceAccount: string
    provider: string
    repository?: string | undefined
  },
  federatedToken: string,
  pacing: Pacing
): Promise<Token> {
  const url = `${target.iam}/v1/projects/-/serviceAccounts/${target.serviceAccount}:generateAccessToken`
  const call: GoogleCall = {
    service: 'Google IAM Credentials',
    url,
    variable: ENDPOINTS.iam.variable
  }
  const { status, body } = await post(
    call,
    {
      body: JSON.stringify({ scope: [CLOUD_PLATFORM] }),
      headers: { authorization: `Bearer ${federatedToken}`, 'content-type': 'application/json' }
    },
    pacing
  )
  if (status < 200 || status > 299) throw iamRefusal(call, target, status, body)
  const json = parseJsonObject(body)
  const token = json?.accessToken
  if (typeof token !== 'string' || token === '') throw noToken(call, status, 'accessToken')
  const expiry = typeof json?.expireTime === 'string' ? new Date(json.expireTime) : undefined
  return { token, ...(expiry && !Number.isNaN(expiry.getTime()) && { expiresAt: expiry }) }
}

/** One POST with the retries: network errors, 408, 429 and 5xx; never another 4xx. */
async function post(
  call: GoogleCall,
  init: { body: string | URLSearchParams; headers?: Record<string, string> },
  pacing: Pacing
): Promise<{ status: number; body: string }> {
  // Through HTTPS_PROXY when the environment names one (see docs/proxies.md).
  const way = await route(new URL(call.url), [], process.env)
  return retrying<{ status: number; body: string }>(pacing, async (retry) => {
    const tries = attemptsText(retry + 1)
    let res: Response
    try {
      // redirect 'manual': following one would send the token wherever it points.
      res = await tokenFetch(call.url, way, {
        method: 'POST',
        body: init.body,
        ...(init.headers && { headers: init.headers })
      })
    } catch (e) {
      // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
      const reason = messageOf(causeOf(e) ?? e)
      return {
        again: `${call.service} failed: ${reason}`,
        error: new Error(
          `Could not reach ${call.service} at ${call.url} after ${tries}: ${reason}${viaProxy(way.proxy)} (check the network, or ${call.variable})`
        )
      }
    }
    const body = await res.text()
    if (isRetryableStatus(res.status)) {
      return {
        again: `${call.service} answered HTTP ${res.status}`,
        retryAfter: res.headers.get('retry-after'),
        error: new Error(
          `${call.service} at ${call.url} kept failing (HTTP ${res.status}) after ${tries}: try again later`
        )
      }
    }
    if (res.status >= 300 && res.status < 400) {
      throw new Error(
        `${call.service} at ${call.url} answered with a redirect (HTTP ${res.status}); tagship sends tokens only to that URL: check ${call.variable}`
      )
    }
    return { value: { status: res.status, body } }
  })
}

function noToken(call: GoogleCall, status: number, field: string): Error {
  return new Error(
    `${call.service} at ${call.url} answered HTTP ${status} without an ${field}: does ${call.variable} point at ${call.service}?`
  )
}

/** An endpoint variable's value (or Google's own), checked: https, or plain http on loopback. */
function endpoint(
  env: NodeJS.ProcessEnv,
  { variable, fallback }: { variable: string; fallback: string }
): string {
  const raw = env[variable]?.trim() || fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${variable} ${quote(raw)} is not a URL (e.g. ${fallback})`)
  }
  if (url.username !== '' || url.password !== '') {
    // Not quoted: the URL holds a password.
    throw new Error(
      `${variable} must not hold credentials: give the service's root URL (e.g. ${fallback})`
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host))) {
    throw new Error(`${variable} ${quote(raw)} must be an https URL (plain http only on loopback)`)
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(
      `${variable} ${quote(raw)} must be the service's root URL, with no query or fragment (e.g. ${fallback})`
    )
  }
  return url.href.replace(/\/+$/, '')
}
