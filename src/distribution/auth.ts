import type { BasicCredentials } from './credentials.js'
import type { Challenge } from './challenge.js'
import { plainHttpAllowed, tlsFailure, UnsafeEndpointError, untrustedText } from './endpoint.js'
import { CredentialsRejectedError, networkErrorText, RegistryUnreachableError } from './errors.js'
import { tlsOptions } from './transport.js'

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
 * scopes, with Basic credentials when there are any (anonymous otherwise).
 * The token is masked before it is returned.
 */
export async function fetchBearerToken(req: TokenRequest): Promise<string> {
  const realm = req.challenge.params.realm
  if (!realm)
    throw new CredentialsRejectedError(req.registry, 'its Bearer challenge names no realm')
  const url = new URL(realm)
  if (req.challenge.params.service) url.searchParams.set('service', req.challenge.params.service)
  for (const scope of req.scopes) url.searchParams.append('scope', scope)
  if (req.credentials) url.searchParams.set('account', req.credentials.username)
  const insecure = req.insecureRegistries ?? []
  // The credentials go to the realm: only over TLS, or plain HTTP where the
  // registry itself may speak it.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainHttpAllowed(url, insecure)))
    throw new UnsafeEndpointError(
      req.registry,
      `its token service ${url.origin} is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries`
    )
  let response: Response
  try {
    response = await fetch(url, {
      headers: req.credentials ? { authorization: basicAuthorization(req.credentials) } : {},
      redirect: 'error',
      ...tlsOptions(url, insecure)
    } as RequestInit)
  } catch (e) {
    const tls = tlsFailure(e)
    if (tls?.kind === 'certificate')
      throw new UnsafeEndpointError(req.registry, untrustedText(req.registry, url, tls))
    throw new RegistryUnreachableError(
      req.registry,
      `its token service ${url.origin} failed: ${networkErrorText(e)}`
    )
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel()
    throw new CredentialsRejectedError(
      req.registry,
      `its token service answered ${response.status}`
    )
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new RegistryUnreachableError(
      req.registry,
      `its token service ${url.origin} answered HTTP ${response.status}`
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
