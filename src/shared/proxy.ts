import { BlockList, isIP } from 'node:net'
import { InputError, quote } from './errors.js'

/** A proxy named by the environment, as tagship uses it. */
export interface ProxyServer {
  /** `http://proxy.corp:3128`: scheme, host and port, never the credentials; safe to show. */
  readonly origin: string
  /** The variable it was read from, as it is spelled in the environment: `https_proxy`. */
  readonly variable: string
  /** `Basic …` from the URL's user and password, for `Proxy-Authorization`: a secret. */
  readonly authorization?: string
}

/** One `NO_PROXY` entry: a domain and what is under it, an address or a range, maybe one port. */
type Bypass =
  | { readonly kind: 'domain'; readonly domain: string; readonly port?: number }
  | { readonly kind: 'address'; readonly address: string; readonly port?: number }
  | { readonly kind: 'range'; readonly range: BlockList }
  | { readonly kind: 'all' }

/** What the environment says about proxies, read once (see `proxyRules`). */
export interface ProxyRules {
  /** For https URLs: `https_proxy`, else `HTTPS_PROXY`. */
  readonly https?: ProxyServer
  /** For http URLs: `http_proxy`, else `HTTP_PROXY`. */
  readonly http?: ProxyServer
  readonly bypass: readonly Bypass[]
  /** `TAGSHIP_PROXY_LOOPBACK=true`: loopback hosts go through the proxy too. */
  readonly loopback: boolean
}

/** What a decision needs of a URL (a `URL` has it). */
export interface ProxyTarget {
  readonly protocol: string
  /** As `URL` has it: lowercase, an IPv6 address in brackets. */
  readonly hostname: string
  /** '' for the scheme's default. */
  readonly port: string
}

/** The variables the rules read, each name lowercase first: the first one set (not empty) wins. */
export const PROXY_VARIABLES = {
  https: ['https_proxy', 'HTTPS_PROXY'],
  http: ['http_proxy', 'HTTP_PROXY'],
  noProxy: ['no_proxy', 'NO_PROXY'],
  loopback: ['TAGSHIP_PROXY_LOOPBACK']
} as const

/**
 * Reads the proxy variables of `env`. The lowercase name wins when both are
 * set, as curl and @actions/http-client (which sends the runner's OIDC and
 * cache requests in the same process) read them; an empty value counts as
 * unset. A proxy URL that cannot be used is an InputError naming the
 * variable, with any password hidden.
 */
export function proxyRules(env: NodeJS.ProcessEnv): ProxyRules {
  const https = first(env, PROXY_VARIABLES.https)
  const http = first(env, PROXY_VARIABLES.http)
  const noProxy = first(env, PROXY_VARIABLES.noProxy)?.value ?? ''
  return {
    ...(https && { https: proxyServer(https.name, https.value) }),
    ...(http && { http: proxyServer(http.name, http.value) }),
    bypass: noProxy.split(/[\s,]+/).flatMap(bypassEntry),
    loopback: loopbackOptIn(env.TAGSHIP_PROXY_LOOPBACK)
  }
}

/** Whether the rules send anything through a proxy at all. */
export function anyProxy(rules: ProxyRules): boolean {
  return rules.https !== undefined || rules.http !== undefined
}

/**
 * The proxy a request to `target` goes through, or none: the one for its
 * scheme, unless `NO_PROXY` lists the host (or the host and its port), or
 * the host is loopback (127.0.0.0/8, ::1, localhost) and TAGSHIP_PROXY_LOOPBACK
 * is not true. Names are never resolved: an address entry matches only a URL
 * that holds that address.
 */
export function proxyFor(rules: ProxyRules, target: ProxyTarget): ProxyServer | undefined {
  const server =
    target.protocol === 'https:'
      ? rules.https
      : target.protocol === 'http:'
        ? rules.http
        : undefined
  if (!server) return undefined
  const host = target.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
  if (!rules.loopback && isLoopback(host)) return undefined
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80))
  return rules.bypass.some((entry) => bypasses(entry, host, port)) ? undefined : server
}

function first(
  env: NodeJS.ProcessEnv,
  names: readonly string[]
): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim()
    if (value) return { name, value }
  }
  return undefined
}

const PROXY_URL_FORM = 'give http://host:port, or http://user:password@host:port'

function proxyServer(variable: string, raw: string): ProxyServer {
  const bad = (why: string) => new InputError(variable, `${quote(hidePassword(raw))} ${why}`)
  const text = withScheme(raw)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw bad(`is not a proxy URL: ${PROXY_URL_FORM}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw bad(
      `is a ${url.protocol.slice(0, -1)} proxy, and tagship speaks to HTTP proxies only: ${PROXY_URL_FORM}`
    )
  if (url.hostname === '') throw bad(`names no proxy host: ${PROXY_URL_FORM}`)
  let authorization: string | undefined
  if (url.username || url.password) {
    let user: string
    let password: string
    try {
      user = decodeURIComponent(url.username)
      password = decodeURIComponent(url.password)
    } catch {
      throw bad('has a user or password with a broken %-escape: escape it again (%40 for @)')
    }
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  }
  return { origin: url.origin, variable, ...(authorization && { authorization }) }
}

/**
 * The value with everything before the host's `@` replaced, so an error can
 * show it: the user part may be a token too. The last `@` is the one before
 * the host, as an unescaped `@` or `/` may sit in a password.
 */
export function hidePassword(raw: string): string {
  const at = raw.lastIndexOf('@')
  if (at < 0) return raw
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? ''
  return `${scheme}***${raw.slice(at)}`
}

function loopbackOptIn(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase() ?? ''
  if (v === '' || v === 'false') return false
  if (v === 'true') return true
  throw new InputError(
    'TAGSHIP_PROXY_LOOPBACK',
    `${quote(value!)} is not a boolean: set true to send requests to loopback hosts through the proxy, or leave it unset`
  )
}

/**
 * One `NO_PROXY` entry, read as curl and Go read them: `*` for every host; a
 * domain with or without a leading `.` (or `*.`) for itself and every name
 * under it; an IPv4 or IPv6 address (`[::1]` or `::1`); a CIDR range; each
 * but a range with an optional `:port`. What none of these forms fits (a
 * Windows `<local>`, say) is skipped: the variable is shared with other tools.
 */
function bypassEntry(raw: string): Bypass[] {
  const entry = raw.trim().toLowerCase()
  if (entry === '') return []
  if (entry === '*') return [{ kind: 'all' }]
  if (entry.includes('/')) return range(entry)
  let host = entry
  let port: number | undefined
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry)
  if (withPort) {
    host = withPort[1]!
    port = Number(withPort[2])
  }
  host = host.replace(/^\[|\]$/g, '')
  const family = isIP(host)
  if (family !== 0)
    return [{ kind: 'address', address: normalAddress(host, family), ...port0(port) }]
  const domain = host.replace(/^\*?\./, '').replace(/\.$/, '')
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(domain)) return []
  return [{ kind: 'domain', domain, ...port0(port) }]
}

const port0 = (port: number | undefined) => (port === undefined ? {} : { port })

function range(entry: string): Bypass[] {
  const [address = '', bits = ''] = entry.split('/')
  const family = isIP(address)
  const prefix = Number(bits)
  const max = family === 4 ? 32 : 128
  if (family === 0 || !/^\d{1,3}$/.test(bits) || prefix > max) return []
  const list = new BlockList()
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6')
  return [{ kind: 'range', range: list }]
}

/** `::0001` and `::1`, `0:0:0:0:0:0:0:1` are one address: compare them as the URL parser writes them. */
function normalAddress(address: string, family: number): string {
  return family === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address
}

function bypasses(entry: Bypass, host: string, port: number): boolean {
  switch (entry.kind) {
    case 'all':
      return true
    case 'range': {
      const family = isIP(host)
      return family !== 0 && entry.range.check(host, family === 4 ? 'ipv4' : 'ipv6')
    }
    case 'address':
      return host === entry.address && (entry.port === undefined || entry.port === port)
    case 'domain':
      return (
        isIP(host) === 0 &&
        (host === entry.domain || host.endsWith(`.${entry.domain}`)) &&
        (entry.port === undefined || entry.port === port)
      )
  }
}

/** Hosts that are this machine, written as a URL holds them (no brackets). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true
  return isIP(host) === 4 && host.startsWith('127.')
}

/**
 * What the proxy variables hold that must never be shown: each proxy's
 * password (as written and %-decoded), its `user:password` and the
 * `Proxy-Authorization` value made of them. Reading them checks every
 * variable, so a bad one fails before anything runs.
 */
export function proxySecrets(env: NodeJS.ProcessEnv): string[] {
  const rules = proxyRules(env)
  const secrets = new Set<string>()
  for (const server of [rules.https, rules.http]) {
    if (!server?.authorization) continue
    const encoded = server.authorization.slice('Basic '.length)
    const pair = Buffer.from(encoded, 'base64').toString('utf8')
    const password = pair.slice(pair.indexOf(':') + 1)
    for (const s of [server.authorization, encoded, pair, password]) if (s !== '') secrets.add(s)
  }
  for (const names of [PROXY_VARIABLES.https, PROXY_VARIABLES.http]) {
    for (const name of names) {
      const raw = env[name]
      if (!raw) continue
      try {
        const url = new URL(withScheme(raw))
        if (url.password) secrets.add(url.password)
      } catch {
        // proxyRules has reported the variable it reads; others are not used.
      }
    }
  }
  return [...secrets]
}

/** A bare `host:port` is an http proxy, as curl reads it. */
function withScheme(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`
}
