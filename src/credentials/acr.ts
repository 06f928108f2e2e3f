import { tokenFetch } from './token-fetch.js'
import { jwtPayload, parseJsonObject } from '../shared/json.js'
import {
  attemptsText,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retrying,
  type Pacing
} from '../shared/retry.js'
import { causeOf, messageOf, oneLine } from '../shared/errors.js'
import { authorityHost, entraAccessToken } from './entra.js'
import { keptSecrets } from '../shared/scrub.js'
import { proxyRefusal, route, viaProxy } from '../distribution/proxy-dispatch.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'

/** The audience Entra ID expects on a federated (GitHub OIDC) client assertion. */
const ENTRA_AUDIENCE = 'api://AzureADTokenExchange'

/** The username ACR takes with a refresh token as password (what `az acr login` uses). */
export const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000'

export interface AcrRegistry {
  /** Host as in image references: the `service` ACR issues tokens for. */
  readonly host: string
  /** Where the registry answers: `https://acme.azurecr.io`, or `http://127.0.0.1:PORT` on loopback. */
  readonly baseUrl: string
}

export interface AcrOidcOptions {
  readonly mask: MaskSecret
  /** GitHub's OIDC ID token for an audience (see githubIdToken). */
  readonly getIdToken: (audience: string) => Promise<string>
  /** Where AZURE_AUTHORITY_HOST is read; process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  /**
   * How Entra ID and the exchange retry (network errors, timeouts, 408, 429,
   * 5xx); the default policy when undefined.
   */
  readonly pacing?: Pacing
}

/**
 * Logs in to ACR without a stored secret: GitHub OIDC token → Entra ID access
 * token (the OIDC token as client assertion) → ACR refresh token. Every token
 * is masked the moment it exists, and no error message contains one.
 */
export async function acrOidcCredentials(
  registry: AcrRegistry,
  azure: { readonly clientId: string; readonly tenantId: string },
  options: AcrOidcOptions
): Promise<BasicCredentials & { expiresAt?: Date }> {
  const kept = keptSecrets(options.mask)
  const secret = kept.keep
  try {
    // A bad AZURE_AUTHORITY_HOST fails before GitHub is asked for anything.
    const env = options.env ?? process.env
    const authority = authorityHost(env)
    const pacing = options.pacing ?? { policy: DEFAULT_RETRY_POLICY }
    const idToken = secret(await options.getIdToken(ENTRA_AUDIENCE))
    const accessToken = secret(await entraAccessToken(azure, idToken, authority, env, pacing))
    const refreshToken = secret(await exchange(registry, azure, accessToken, env, pacing))
    const expiresAt = jwtExpiry(refreshToken)
    return { username: ACR_TOKEN_USERNAME, password: refreshToken, ...(expiresAt && { expiresAt }) }
  } catch (e) {
    // No cause: the errors underneath may carry a token in their details or requests.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(oneLine(kept.scrub(messageOf(e))))
  }
}

/** A service principal's id and secret, which ACR accepts as Basic credentials. */
export function acrSecretCredentials(
  azure: { readonly clientId: string; readonly clientSecret: string },
  options: { readonly mask: MaskSecret }
): BasicCredentials {
  options.mask(azure.clientSecret)
  return { username: azure.clientId, password: azure.clientSecret }
}

/** `POST /oauth2/exchange`: an Entra access token for an ACR refresh token. */
async function exchange(
  registry: AcrRegistry,
  azure: { readonly clientId: string; readonly tenantId: string },
  accessToken: string,
  env: NodeJS.ProcessEnv,
  pacing: Pacing
): Promise<string> {
  const url = new URL('/oauth2/exchange', registry.baseUrl).href
  const way = await route(new URL(url), [], env)
  const form = new URLSearchParams({
    grant_type: 'access_token',
    service: registry.host,
    tenant: azure.tenantId,
    access_token: accessToken
  })
  const { res, body } = await retrying<{ res: Response; body: string }>(pacing, async (retry) => {
    const tries = attemptsText(retry + 1)
    let res: Response
    try {
      res = await tokenFetch(url, way, { method: 'POST', body: form })
    } catch (e) {
      const refused = proxyRefusal(e, way.proxy)
      if (refused)
        throw new Error(`Could not reach ${registry.host} for the ACR token exchange: ${refused}`, {
          cause: e
        })
      // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
      const cause = causeOf(e) ?? e
      const error = new Error(
        `Could not reach ${registry.host} at ${url} for the ACR token exchange after ${tries}: ${messageOf(cause)}${viaProxy(way.proxy)} (check the registry name and the network)`,
        { cause: e }
      )
      return {
        again: `${registry.host}: the ACR token exchange failed: ${messageOf(cause)}`,
        error
      }
    }
    const text = await res.text()
    if (isRetryableStatus(res.status))
      return {
        again: `${registry.host}: the ACR token exchange answered HTTP ${res.status}`,
        retryAfter: res.headers.get('retry-after'),
        error: new Error(
          `${registry.host}: the ACR token exchange kept failing (HTTP ${res.status}: ${acrError(text)}) after ${tries}: try again later`
        )
      }
    return { value: { res, body: text } }
  })
  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get('location') ?? '(no location)'
    throw new Error(
      `${registry.host} answered the ACR token exchange with a redirect (HTTP ${res.status} to ${safeOrigin(to, url)}); tagship sends the Entra token only to ${url}: check that ${registry.host} is the registry's login server`
    )
  }
  if (!res.ok) {
    throw new Error(
      `${registry.host} refused the ACR token exchange (HTTP ${res.status}: ${acrError(body)}): check that azure-tenant-id ${azure.tenantId} is the registry's tenant and that client ${azure.clientId} has the AcrPush role on it`
    )
  }
  const refreshToken = parseJsonObject(body)?.refresh_token
  if (typeof refreshToken !== 'string' || refreshToken === '') {
    throw new Error(
      `${registry.host} answered the ACR token exchange without a refresh_token (HTTP ${res.status}): is ${registry.baseUrl} an Azure Container Registry?`
    )
  }
  return refreshToken
}

/** ACR's error body as one phrase: Distribution's `{errors:[{code,message}]}` or OAuth's `{error,error_description}`. */
function acrError(body: string): string {
  const json = parseJsonObject(body)
  if (Array.isArray(json?.errors)) {
    return (json.errors as { code?: unknown; message?: unknown }[])
      .map((e) => [e.code, e.message].filter((s) => typeof s === 'string' && s).join(': '))
      .join('; ')
  }
  if (typeof json?.error === 'string') {
    return [json.error, json.error_description].filter((s) => typeof s === 'string' && s).join(': ')
  }
  const text = oneLine(body)
  return text === '' ? 'no error body' : text.slice(0, 200)
}

/** Only the origin of a redirect target: its query may hold a signature. */
function safeOrigin(location: string, base: string): string {
  try {
    return new URL(location, base).origin
  } catch {
    return 'an invalid URL'
  }
}

/** When a JWT refresh token expires, from its `exp` claim (read, not verified: ACR checks it). */
function jwtExpiry(token: string): Date | undefined {
  const exp = jwtPayload(token)?.exp
  return typeof exp === 'number' ? new Date(exp * 1000) : undefined
}
