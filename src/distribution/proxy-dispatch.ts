import type { Dispatcher } from 'undici'
import { errorChain } from '../shared/errors.js'
import {
  PROXY_VARIABLES,
  proxyFor,
  proxyRules,
  type ProxyRules,
  type ProxyServer
} from '../shared/proxy.js'
import { isListedInsecure } from './endpoint.js'

let parsed: { key: string; rules: ProxyRules } | undefined

/** The proxy rules of `env` (see proxyRules), parsed again only when one of their variables changed. */
export function currentProxyRules(env: NodeJS.ProcessEnv = process.env): ProxyRules {
  const key = Object.values(PROXY_VARIABLES)
    .flat()
    .map((name) => `${name}=${env[name] ?? ''}`)
    .join('\n')
  if (parsed?.key !== key) parsed = { key, rules: proxyRules(env) }
  return parsed.rules
}

/** How fetch reaches a URL: the dispatcher to give it (none: Node's own), and the proxy on the way. */
export interface Route {
  readonly dispatcher?: Dispatcher
  readonly proxy?: ProxyServer
}

/**
 * Node's fetch takes a proxy and TLS options only through an undici
 * dispatcher: one per kind. undici is loaded with the first one, so a run
 * that needs none (no proxy, no insecure registry) never loads it.
 */
const dispatchers = new Map<string, Dispatcher>()

/**
 * The route to `url`: through the proxy the environment names for it (see
 * proxyFor), and without certificate verification for a host listed in
 * `insecure-registries`, also through the proxy. An https URL goes through a
 * CONNECT tunnel, so TLS stays end to end; an http URL is sent to the proxy as
 * an absolute-URI request, which every HTTP proxy serves on any port (CONNECT
 * is often allowed to port 443 only).
 */
export async function route(
  url: URL,
  insecureRegistries: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env
): Promise<Route> {
  const unverified = url.protocol === 'https:' && isListedInsecure(url, insecureRegistries)
  const proxy = proxyFor(currentProxyRules(env), url)
  if (!proxy && !unverified) return {}
  // Before the cache is read: two routes asked at once then share one dispatcher.
  const { Agent, ProxyAgent } = await import('undici')
  const key = JSON.stringify([proxy?.origin, proxy?.authorization, unverified])
  let dispatcher = dispatchers.get(key)
  if (!dispatcher) {
    const tls = unverified ? { rejectUnauthorized: false } : undefined
    dispatcher = proxy
      ? new ProxyAgent({
          uri: proxy.origin,
          ...(proxy.authorization && { token: proxy.authorization }),
          proxyTunnel: false,
          ...(tls && { requestTls: tls })
        })
      : new Agent({ connect: tls })
    dispatchers.set(key, dispatcher)
  }
  return { dispatcher, ...(proxy && { proxy }) }
}

/** fetch's options for a route: its dispatcher, if any. */
export function dispatchOptions(r: Route): object {
  return r.dispatcher ? { dispatcher: r.dispatcher } : {}
}

/** ` (through the proxy http://proxy:3128 from HTTPS_PROXY)`, or '' without one. */
export function viaProxy(proxy: ProxyServer | undefined): string {
  return proxy ? ` (through the proxy ${proxy.origin} from ${proxy.variable})` : ''
}

/**
 * The proxy refused to pass a request on (undici says so only in its
 * messages): a 407 for missing or wrong credentials, or another status for a
 * CONNECT it would not open. Not a network failure, so not retried.
 */
export class ProxyRefusedError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string
  ) {
    super(`${registry} could not be reached: ${detail}`)
    this.name = 'ProxyRefusedError'
  }
}

/** Why the proxy refused, as one phrase, when `error` is its refusal; undefined otherwise. */
export function proxyRefusal(error: unknown, proxy: ProxyServer | undefined): string | undefined {
  if (!proxy) return undefined
  for (const { message = '' } of errorChain(error)) {
    const status =
      /^Proxy response \((\d{3})\) !== 200/.exec(message)?.[1] ??
      /^Proxy Authentication Required \((407)\)/.exec(message)?.[1]
    if (status) return refusalText(proxy, Number(status))
  }
  return undefined
}

/** `the proxy http://proxy:3128 from HTTPS_PROXY answered HTTP 407 …: <the fix>`. */
export function refusalText(proxy: ProxyServer, status: number): string {
  const who = `the proxy ${proxy.origin} from ${proxy.variable}`
  if (status !== 407) return `${who} refused to open a tunnel (HTTP ${status})`
  const fix = proxy.authorization
    ? `check the user and password in ${proxy.variable}`
    : `give them in ${proxy.variable} as http://user:password@host:port`
  return `${who} answered HTTP 407 (it needs credentials): ${fix}`
}
