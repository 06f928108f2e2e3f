import { dispatchOptions, type Route } from '../distribution/proxy-dispatch.js'

/** How long one request to a token service may take before it is retried. */
const TOKEN_TIMEOUT_MS = 30_000

/**
 * One request to a token service (GitHub's ID tokens, Docker's identity
 * service, Google STS and IAM, the ACR exchange): JSON accepted, redirects
 * not followed (one would re-send a token to wherever it points), a timeout,
 * and the route of the proxy rules.
 */
export function tokenFetch(
  url: string | URL,
  way: Route,
  init: {
    readonly method?: string
    readonly body?: string | URLSearchParams
    readonly headers?: Record<string, string>
  }
): Promise<Response> {
  return fetch(url, {
    ...(init.method !== undefined && { method: init.method }),
    ...(init.body !== undefined && { body: init.body }),
    headers: { accept: 'application/json', ...init.headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    ...dispatchOptions(way)
  } as RequestInit)
}
