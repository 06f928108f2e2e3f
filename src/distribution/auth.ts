import { isIdentityToken, type BasicCredentials } from './credentials.js'
import { isRetryableStatus } from '../shared/retry.js'
import type { Challenge } from './challenge.js'
import { plainHttpAllowed, tlsFailure, UnsafeEndpointError, untrustedText } from './endpoint.js'
import { CredentialsRejectedError, networkErrorText, RegistryUnreachableError } from './errors.js'
import {
  dispatchOptions,
  proxyRefusal,
  ProxyRefusedError,
  route,
  viaProxy
} from './proxy-dispatch.js'
import { discard } from './discard.js'

/** How long the token service may take to answer before the request counts as failed (and is retried). */
const TOKEN_TIMEOUT_MS = 30_000

/**
 * The token service answered 408, 429 or a 5xx. Like a network error there, it
 * fails the registry request's attempt, which the registry client retries
 * with its policy (bounded by `retries`), after the Retry-After given here.
 */
export class TokenServiceBusyError extends RegistryUnreachableError {
  constructor(
    registry: string,
    detail: string,
    readonly retryAfter: string | null
  ) {
    super(registry, detail)
  }
}

/** Basic `Authorization` value for credentials. */
export function basicAuthorization(c: BasicCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`
}

export interface TokenRequest {
  readonly registry: string
  readonly challenge: Challenge
  /** `repository:acme/app:pull,push`; none for a login check. */
  readonly scopes: readonly string[]
  readonly credentials?: BasicCredentials
  readonly mask: (secret: string) => void
  /** Hosts listed in `insecure-registries`: a token service there is not verified either. */
  readonly insecureRegistries?: readonly string[]
}

/**
 * Answer a Bearer challenge: ask the realm for a token for the service and
 * scopes, with Basic credentials when there are any (anonymous otherwise),
 * or with an identity token in the OAuth2 POST form. The token is masked
 * before it is returned.
 *
 * One request, no retry of its own: it is part of a registry request's
 * attempt, and the registry client retries that after what is worth another
 * try here (a network error, a timeout, 408, 429, 5xx: RegistryUnreachableError).
 * Refused credentials and any other answer fail at once.
 */
export async function fetchBearerToken(req: TokenRequest): Promise<string> {
  const realm = req.challenge.params.realm
  if (!realm)
    throw new CredentialsRejectedError(req.registry, 'its Bearer challenge names no realm')
  const url = new URL(realm)
  const refreshToken =
    req.credentials && isIdentityToken(req.credentials) ? req.credentials.password : undefined
  if (refreshToken === undefined) {
    if (req.challenge.params.service) url.searchParams.set('service', req.challenge.params.service)
    for (const scope of req.scopes) url.searchParams.append('scope', scope)
    if (req.credentials) url.searchParams.set('account', req.credentials.username)
  }
  const insecure = req.insecureRegistries ?? []
  // The credentials go to the realm: only over TLS, or plain HTTP where the
  // registry itself may speak it.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainHttpAllowed(url, insecure)))
    throw new UnsafeEndpointError(
      req.registry,
      `its token service ${url.origin} is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries`
    )
  const way = await route(url, insecure)
  let response: Response
  try {
    response = await fetch(url, {
      ...(refreshToken !== undefined
        ? refreshTokenForm(req, refreshToken)
        : {
            headers: req.credentials ? { authorization: basicAuthorization(req.credentials) } : {}
          }),
      redirect: 'error',
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      ...dispatchOptions(way)
    } as RequestInit)
  } catch (e) {
    const tls = tlsFailure(e)
    if (tls?.kind === 'certificate')
      throw new UnsafeEndpointError(req.registry, untrustedText(req.registry, url, tls))
    const refused = proxyRefusal(e, way.proxy)
    if (refused)
      throw new ProxyRefusedError(req.registry, `its token service ${url.origin}: ${refused}`)
    throw new RegistryUnreachableError(
      req.registry,
      `its token service ${url.origin} failed: ${networkErrorText(e)}${viaProxy(way.proxy)}`
    )
  }
  // An OAuth2 server answers 400 (invalid_grant) to a refresh token it does not know.
  if (
    response.status === 401 ||
    response.status === 403 ||
    (refreshToken !== undefined && response.status === 400)
  ) {
    await discard(response)
    throw new CredentialsRejectedError(
      req.registry,
      `its token service answered ${response.status}`
    )
  }
  if (isRetryableStatus(response.status)) {
    await discard(response)
    throw new TokenServiceBusyError(
      req.registry,
      `its token service ${url.origin} answered HTTP ${response.status}`,
      response.headers.get('retry-after')
    )
  }
  if (!response.ok) {
    // A 404, a 405, a 400 for a request it does not take: asking again would not change it.
    await discard(response)
    throw new Error(
      `${req.registry}: its token service ${url.origin} refused the token request (HTTP ${response.status})`
    )
  }
  const body = (await response.json().catch(() => ({}))) as {
    token?: string
    access_token?: string
  }
  const token = body.token ?? body.access_token
  if (!token)
    throw new RegistryUnreachableError(
      req.registry,
      `its token service ${url.origin} gave no token`
    )
  req.mask(token)
  return token
}

/**
 * The OAuth2 request that trades an identity token (a refresh token) for an
 * access token: a form POSTed to the realm (grant_type=refresh_token), as
 * Docker sends it; the token service has no GET form for it.
 */
function refreshTokenForm(req: TokenRequest, refreshToken: string): RequestInit {
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: 'tagship'
  })
  if (req.challenge.params.service) form.set('service', req.challenge.params.service)
  if (req.scopes.length > 0) form.set('scope', req.scopes.join(' '))
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString()
  }
}
