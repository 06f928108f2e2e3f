import { causeOf, messageOf, oneLine } from '../shared/errors.js'
import { ClientAssertionCredential, type ClientAssertionCredentialOptions } from '@azure/identity'
import {
  attemptsText,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retrying,
  type Pacing
} from '../shared/retry.js'
import { quote } from '../shared/errors.js'
import { dispatchOptions, route, viaProxy } from '../distribution/proxy-dispatch.js'
import { httpsAgentFor } from './proxy-agent.js'

/** The resource an Entra token must be for to be exchanged at ACR (the same in every cloud). */
export const ACR_SCOPE = 'https://containerregistry.azure.net/.default'

/** Azure's public cloud, used when AZURE_AUTHORITY_HOST is unset (as @azure/identity does). */
const PUBLIC_CLOUD = 'https://login.microsoftonline.com'

/**
 * Authority hosts MSAL knows from its built-in cloud metadata. There, instance
 * discovery costs no request and keeps MSAL's check that the authority is
 * Microsoft's. For any other host (Azure Stack Hub, ADFS, a private authority)
 * discovery asks login.microsoftonline.com about a host it has never heard of,
 * which fails, or hangs in a network that cannot reach it; such authorities are
 * the user's explicit choice (AZURE_AUTHORITY_HOST), so discovery is turned off.
 */
const MICROSOFT_AUTHORITIES = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com'
])

/** How long one request to the authority may take before it counts as failed (and is retried). */
const REQUEST_TIMEOUT_MS = 30_000

/** A policy of the identity client's request pipeline, as @azure/identity takes it. */
type PipelinePolicy = NonNullable<
  ClientAssertionCredentialOptions['additionalPolicies']
>[number]['policy']
type PipelineResponse = Awaited<ReturnType<PipelinePolicy['sendRequest']>>

/** Hints for the AADSTS codes a misconfigured GitHub OIDC login meets. */
const HINTS: Record<string, string> = {
  '70021':
    "check the app registration's federated credential: its issuer, subject and audience must match the token's",
  '700211': "check the federated credential's issuer (https://token.actions.githubusercontent.com)",
  '700212': "check the federated credential's audience (api://AzureADTokenExchange)",
  '700213': "check the federated credential's subject",
  '700016': 'check azure-client-id and azure-tenant-id',
  '90002': 'check azure-tenant-id',
  '700024': 'the GitHub OIDC token is outside its validity window; check the runner clock'
}

export interface EntraApp {
  readonly clientId: string
  readonly tenantId: string
}

/** The authority to ask: AZURE_AUTHORITY_HOST (the variable Azure tools share) or the public cloud. */
export function authorityHost(env: NodeJS.ProcessEnv): string {
  const raw = env.AZURE_AUTHORITY_HOST?.trim() || PUBLIC_CLOUD
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`AZURE_AUTHORITY_HOST ${quote(raw)} is not a URL (e.g. ${PUBLIC_CLOUD})`)
  }
  if (url.protocol !== 'https:') {
    throw new Error(`AZURE_AUTHORITY_HOST ${quote(raw)} must be an https URL`)
  }
  return raw.replace(/\/+$/, '')
}

/**
 * An Entra ID access token for ACR, obtained by presenting `assertion` (the
 * GitHub OIDC token) as the client assertion of `app` at the authority `host`
 * (from authorityHost). Its requests follow the proxy variables of `env` as
 * every other request of tagship does: the identity pipeline's own reading of
 * them (uppercase first, ALL_PROXY, no loopback rule) is replaced by the agent.
 */
export async function entraAccessToken(
  app: EntraApp,
  assertion: string,
  host: string,
  env: NodeJS.ProcessEnv = process.env,
  pacing: Pacing = { policy: DEFAULT_RETRY_POLICY }
): Promise<string> {
  const agent = httpsAgentFor(env)
  const gaveUp: { error?: Error } = {}
  let credential: ClientAssertionCredential
  try {
    credential = new ClientAssertionCredential(app.tenantId, app.clientId, async () => assertion, {
      authorityHost: host,
      disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.has(new URL(host).hostname),
      // The login policy below retries, not the SDK's (see loginRetries).
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [
        { policy: loginRetries(pacing, app, host, gaveUp), position: 'perCall' }
      ],
      agent
    })
  } catch (e) {
    // Identity checks the ids' shape here, before any request.
    const ids = `client ${quote(app.clientId)} in tenant ${quote(app.tenantId)}`
    throw new Error(`Azure login for ${ids}: ${messageOf(e)}`, { cause: e })
  }
  try {
    return (await credential.getToken(ACR_SCOPE)).token
  } catch (e) {
    // MSAL wraps what the pipeline throws in words of its own: the policy's say it better.
    throw gaveUp.error ?? (await explain(e, app, host, env))
  } finally {
    agent.destroy()
  }
}

/**
 * The login policy as a policy of the identity client's pipeline, around the
 * SDK's retry policy (whose retries are off), for the metadata and token
 * requests alike: a network error, a timeout, 408, 429 (after its
 * Retry-After) or a 5xx is retried, at most `pacing.policy.retries` times,
 * each retry told through `onRetry`; any other answer goes to MSAL as it
 * came. The SDK's own retries would skip a 429 without Retry-After, wait as
 * long as any Retry-After asks, and say nothing. Giving up, it keeps its
 * error in `gaveUp`: MSAL would bury it.
 */
function loginRetries(
  pacing: Pacing,
  app: EntraApp,
  host: string,
  gaveUp: { error?: Error }
): PipelinePolicy {
  return {
    name: 'tagshipLoginRetries',
    sendRequest: async (request, next) => {
      // The caller's own signal: an abort there is no failure to retry.
      const caller = request.abortSignal as AbortSignal | undefined
      const what = `${request.method} ${new URL(request.url).pathname}`
      try {
        return await retrying<PipelineResponse>(pacing, async (retry) => {
          const tries = attemptsText(retry + 1)
          let response: PipelineResponse
          // Not the pipeline's own `timeout`: its timer outlives a refused connection (and the process with it).
          const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
          request.abortSignal = caller ? AbortSignal.any([caller, timeout]) : timeout
          try {
            response = await next(request)
          } catch (e) {
            if (caller?.aborted || !isTransportFailure(e)) throw e
            const why = oneLine(messageOf(causeOf(e) ?? e))
            return {
              again: `Entra ID at ${host}: ${what} failed: ${why}`,
              error: new EntraGaveUp(
                `Could not reach Entra ID at ${host} after ${tries}: ${what} failed: ${why} (check AZURE_AUTHORITY_HOST and the network)`
              )
            }
          }
          if (!isRetryableStatus(response.status)) return { value: response }
          return {
            again: `Entra ID at ${host}: ${what} answered HTTP ${response.status}`,
            retryAfter: response.headers.get('retry-after'),
            error: new EntraGaveUp(
              `Entra ID at ${host} kept failing for client ${app.clientId} in tenant ${app.tenantId} (HTTP ${response.status} to ${what}) after ${tries}: try again later`
            )
          }
        })
      } catch (e) {
        if (e instanceof EntraGaveUp) gaveUp.error = e
        throw e
      }
    }
  }
}

class EntraGaveUp extends Error {}

/**
 * A request that got no answer: refused, reset, timed out (the pipeline
 * aborts it), a DNS failure. Not a certificate Node does not trust: asking
 * again would not change that.
 */
function isTransportFailure(e: unknown): boolean {
  const { name, code } = (e ?? {}) as { name?: unknown; code?: unknown }
  if (name === 'AbortError') return true
  if (name !== 'RestError') return false
  return typeof code !== 'string' || !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
}

async function explain(
  e: unknown,
  app: EntraApp,
  host: string,
  env: NodeJS.ProcessEnv
): Promise<Error> {
  const message = messageOf(e)
  if (message.startsWith('endpoints_resolution_error')) {
    // MSAL reports every failure to fetch or read the authority's metadata
    // (refused, DNS, TLS, a 4xx for an unknown tenant) with this one opaque
    // code; asking once more ourselves recovers the actual reason.
    const metadata = `${host}/${app.tenantId}/v2.0/.well-known/openid-configuration`
    return new Error(
      `Could not use Entra ID at ${host} for tenant ${app.tenantId}: ${await probe(metadata, env)}` +
        ' (@azure/identity said only endpoints_resolution_error; check azure-tenant-id, AZURE_AUTHORITY_HOST and the network)'
    )
  }
  const aadsts = /Description: (AADSTS(\d+):.*?)(?: - Correlation ID:|$)/s.exec(message)
  if (aadsts) {
    // Entra appends "Trace ID: … Timestamp: …" lines that only a support case needs.
    const description = oneLine(aadsts[1]!.split(/\r?\n/)[0]!)
    const hint = HINTS[aadsts[2]!]
    return new Error(
      `Entra ID refused the GitHub OIDC token for client ${app.clientId} in tenant ${app.tenantId}: ` +
        description +
        (hint ? ` (${hint})` : '')
    )
  }
  return new Error(
    `Entra ID at ${host} failed for client ${app.clientId} in tenant ${app.tenantId}: ${oneLine(message)}`
  )
}

/** Why `url` cannot serve OpenID metadata, as one phrase. */
async function probe(url: string, env: NodeJS.ProcessEnv): Promise<string> {
  const way = await route(new URL(url), [], env)
  try {
    const res = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      ...dispatchOptions(way)
    } as RequestInit)
    const body = await res.text()
    if (!res.ok) {
      const aadsts = /"error_description"\s*:\s*"(AADSTS[^"\\]*)/.exec(body)
      return `GET ${url} answered HTTP ${res.status}${aadsts ? `: ${oneLine(aadsts[1]!)}` : ''}`
    }
    return `GET ${url} answered, but not with the OpenID metadata MSAL needs (issuer, authorization_endpoint, token_endpoint, jwks_uri on the authority's host)`
  } catch (e) {
    // fetch throws "fetch failed"; the reason (refused, DNS, TLS) is its cause.
    const cause = causeOf(e) ?? e
    const code = (cause as { code?: unknown } | null)?.code
    const detail = messageOf(cause)
    const why = typeof code === 'string' && !detail.includes(code) ? `${detail} (${code})` : detail
    const trust =
      typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
        ? ' (Node does not trust its TLS certificate: add the CA with NODE_EXTRA_CA_CERTS)'
        : ''
    return `GET ${url} failed: ${oneLine(why)}${trust}${viaProxy(way.proxy)}`
  }
}
