import { isLoopback } from '../shared/proxy.js'
import { errorChain } from '../shared/errors.js'
/** Hosts that are this machine: plain HTTP is allowed there, as the docker daemon allows it. */
export function isLoopbackHost(host: string): boolean {
  return isLoopback(host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''))
}

/**
 * Where code that does not probe the registry (ACR's token exchange) reaches
 * it: https, or plain http on loopback. The registry client itself starts
 * with `secureBaseUrl` and falls back (see `plainHttpAllowed`).
 */
export function registryBaseUrl(host: string): string {
  if (host === 'docker.io') return 'https://registry-1.docker.io'
  return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`
}

/** The TLS API base of a registry host: Docker Hub's API lives on registry-1.docker.io. */
export function secureBaseUrl(host: string): string {
  return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`
}

/**
 * Whether `url`'s host is listed in `insecure-registries` (lowercase
 * `host[:port]`): its certificate is not verified, and it may speak plain
 * HTTP. `myreg` and `myreg:443` name the same TLS endpoint.
 */
export function isListedInsecure(url: URL, insecureRegistries: readonly string[]): boolean {
  if (insecureRegistries.length === 0) return false
  const port = url.port || (url.protocol === 'http:' ? '80' : '443')
  const names = [url.host, `${url.hostname}:${port}`].map((n) => n.toLowerCase())
  return insecureRegistries.some((listed) => names.includes(listed.toLowerCase()))
}

/**
 * The scheme rule: every registry is tried over TLS first, loopback ones
 * too, so a TLS registry on this machine is verified like any other. Plain
 * HTTP is used only when a host answers TLS with plain HTTP, and only for a
 * loopback host or one listed in `insecure-registries`.
 */
export function plainHttpAllowed(url: URL, insecureRegistries: readonly string[]): boolean {
  return isLoopbackHost(url.host) || isListedInsecure(url, insecureRegistries)
}

/**
 * tagship refused to talk to an endpoint: a certificate it cannot trust, plain
 * HTTP where TLS is required, or a URL that is not http(s). Not retried:
 * trying again cannot change it.
 */
export class UnsafeEndpointError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string
  ) {
    super(`${registry}: ${detail}`)
    this.name = 'UnsafeEndpointError'
  }
}

/** OpenSSL's verdicts on a certificate chain that are about trust or validity, not the network. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** What a TLS client reads when the server answers its handshake with `HTTP/1.1 400…`. */
const PLAIN_ANSWER_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG'
])

export type TlsFailure =
  | { readonly kind: 'certificate'; readonly code: string; readonly message: string }
  | { readonly kind: 'plain' }

/** A fetch failure that is about TLS, from undici's nested causes. */
export function tlsFailure(error: unknown): TlsFailure | undefined {
  for (const { code = '', message = '' } of errorChain(error)) {
    if (CERTIFICATE_CODES.has(code))
      return { kind: 'certificate', code, message: message.split('\n', 1)[0]! }
    if (PLAIN_ANSWER_CODES.has(code)) return { kind: 'plain' }
  }
  return undefined
}

/** `… is not trusted (CODE: message); trust its CA … or list it in insecure-registries`. */
export function untrustedText(
  registry: string,
  url: URL,
  failure: { code: string; message: string }
): string {
  const whose = url.host === new URL(secureBaseUrl(registry)).host ? 'its' : `${url.host}'s`
  const verdict = /EXPIRED|NOT_YET_VALID|REVOKED|ALTNAME/.test(failure.code)
    ? 'is not valid'
    : 'is not trusted'
  // Node 24 adds its own advice (`…; if the root CA is installed locally, try
  // running Node.js with --use-system-ca`): tagship gives the fix it supports.
  const said = failure.message.split(/; if the root CA is installed locally/)[0]!
  return (
    `${whose} TLS certificate ${verdict} (${failure.code}: ${said}); ` +
    `give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, ` +
    `or list ${url.host} in insecure-registries to skip verification for that host only`
  )
}

/** `… answered plain HTTP where TLS is required; list it in insecure-registries`. */
export function plainRefusedText(url: URL): string {
  return (
    `${url.host} answered plain HTTP where TLS is required; tagship speaks plain HTTP only to ` +
    `loopback hosts and to those listed in insecure-registries: list ${url.host} there to allow it`
  )
}
