import {
  plainHttpAllowed,
  plainRefusedText,
  secureBaseUrl,
  tlsFailure,
  UnsafeEndpointError,
  untrustedText
} from './endpoint.js'
import { networkErrorText, RegistryUnreachableError } from './errors.js'
import { proxyFor } from '../shared/proxy.js'
import {
  currentProxyRules,
  dispatchOptions,
  proxyRefusal,
  ProxyRefusedError,
  route,
  viaProxy
} from './proxy-dispatch.js'
import { discard } from './discard.js'

const MAX_REDIRECTS = 5

/** Bodies the transport can send again; a stream can be read once. Duck-typed: under Jest, buffers come from another realm. */
export function isReplayable(body: RequestInit['body']): boolean {
  if (body === undefined || body === null || typeof body === 'string') return true
  if (ArrayBuffer.isView(body)) return true
  const tag = Object.prototype.toString.call(body)
  return tag === '[object ArrayBuffer]' || tag === '[object URLSearchParams]'
}

/** `PUT /v2/team/app/blobs/uploads/…`: the path only, as upload queries carry session state. */
export function describeRequest(init: RequestInit, url: URL): string {
  return `${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`
}

/** The host answered TLS with plain HTTP, and may speak it: send again over http. */
class PlainAnswer extends Error {}

/**
 * Sends one request to a registry, following its redirects, with a timeout.
 * It starts over TLS and stays there unless the registry answers plain HTTP
 * and may (see `plainHttpAllowed`); certificates are verified except on the
 * hosts listed in `insecure-registries`.
 */
export class Transport {
  /** The registry's host answered TLS with plain HTTP: its own URLs go over http from then on. */
  private plain = false
  /** Whether the first request was sent (it may take a plain HTTP shadow: see plainShadow). */
  private probed = false
  private readonly secure: URL

  constructor(
    private readonly registry: string,
    private readonly timeoutMs: number,
    private readonly insecureRegistries: readonly string[] = []
  ) {
    this.secure = new URL(secureBaseUrl(registry))
  }

  /** `https://host:port`, or `http://…` once the registry answered plain HTTP. */
  get baseUrl(): string {
    return this.plain ? `http://${this.secure.host}` : this.secure.origin
  }

  /** The only origin that ever sees the authorization. */
  get origin(): string {
    return new URL(this.baseUrl).origin
  }

  /**
   * Send, and follow up to 5 redirects. Authorization goes only to the
   * registry's origin (scheme, host and port): object stores behind a
   * redirect (S3, Azure Blob, a CDN) refuse a second auth mechanism, and it
   * would leak the token. Upload `Location`s on another host are followed the
   * same way, without it. 307/308 keep method and body; 303 (and 301/302
   * after a POST) turn into a GET without body.
   */
  async follow(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<{ response: Response; url: URL }> {
    let current = this.route(url, init)
    let request = init
    for (let hop = 0; ; hop++) {
      const auth = current.origin === this.origin ? authorization : undefined
      const sent = await this.exchange(current, request, auth)
      const response = sent.response
      current = sent.url
      const location = response.headers.get('location')
      if (!isRedirect(response.status) || !location || init.redirect === 'manual')
        return { response, url: current }
      await discard(response)
      if (hop >= MAX_REDIRECTS)
        throw new RegistryUnreachableError(
          this.registry,
          `more than ${MAX_REDIRECTS} redirects from ${describeRequest(init, url)}`
        )
      const method = (request.method ?? 'GET').toUpperCase()
      if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
        const headers = new Headers(request.headers)
        headers.delete('content-type')
        headers.delete('content-length')
        request = { ...request, method: method === 'HEAD' ? 'HEAD' : 'GET', body: null, headers }
      } else if (!isReplayable(request.body)) {
        throw new RegistryUnreachableError(this.registry, streamRedirectedText(init, url))
      }
      const next = parseUrl(location, current)
      if (!next)
        throw new UnsafeEndpointError(
          this.registry,
          `${describeRequest(init, current)} was redirected to a Location that is not a URL`
        )
      current = this.route(next, init, current)
    }
  }

  /**
   * Where a URL really goes: only http and https are spoken (a `file:`,
   * `data:` or `ftp:` Location from a registry is refused, never opened), plain
   * HTTP only where allowed, and the registry's own https URLs (made from
   * `baseUrl` before it answered) over http once it answered plain HTTP.
   * `redirectOf` is the request that was redirected here, if any.
   */
  private route(url: URL, init: RequestInit, redirectOf?: URL): URL {
    const refuse = (where: string, why: string): never => {
      const method = (init.method ?? 'GET').toUpperCase()
      throw new UnsafeEndpointError(
        this.registry,
        redirectOf
          ? `refused to follow the redirect of ${describeRequest(init, redirectOf)} to ${where}; ${why}`
          : `refused to send ${method} to ${where}, a URL the registry gave; ${why}`
      )
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      refuse(`a ${url.protocol} URL`, 'tagship only follows http and https URLs')
    if (url.protocol === 'https:' && this.plain && url.origin === this.secure.origin)
      return new URL(`http://${url.host}${url.pathname}${url.search}`)
    if (url.protocol === 'http:' && !plainHttpAllowed(url, this.insecureRegistries))
      refuse(
        `plain HTTP on ${url.host}`,
        'tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries'
      )
    return url
  }

  /** One exchange, again over plain HTTP when the registry's host answers TLS with it and may. */
  private async exchange(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<{ response: Response; url: URL }> {
    const shadow = this.plainShadow(url, init, authorization)
    // It may fail before anyone awaits it: that is not an unhandled rejection.
    shadow?.catch(() => undefined)
    try {
      const response = await this.send(url, init, authorization)
      // TLS answered: the plain answer is not wanted.
      void shadow?.then(discard, () => undefined)
      return { response, url }
    } catch (e) {
      if (!(e instanceof PlainAnswer)) {
        void shadow?.then(discard, () => undefined)
        throw e
      }
      this.plain = true
      const plain = this.route(url, init)
      // The same request over plain HTTP was already sent: its answer (or failure) is the one.
      if (shadow) return { response: await shadow, url: plain }
      // The TLS handshake failed before any request was read, so nothing happened there;
      // a streamed body may be partly consumed, though: its caller starts it over.
      if (!isReplayable(init.body))
        throw new RegistryUnreachableError(
          this.registry,
          `${describeRequest(init, url)} met a plain HTTP registry; sending it again over http`
        )
      return { response: await this.send(plain, init, authorization), url: plain }
    }
  }

  /**
   * The registry's first request, when its host may speak plain HTTP (loopback,
   * or listed in insecure-registries) and the request carries neither
   * credentials nor a body (the login check's `GET /v2/`): the same request
   * over plain HTTP, sent beside the TLS one (not through a proxy). TLS still
   * wins whenever it answers; when the host answers TLS with plain HTTP, its
   * plain answer is already here, instead of a new connection and a round
   * trip later.
   */
  private plainShadow(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<Response> | undefined {
    if (this.probed) return undefined
    this.probed = true
    const method = (init.method ?? 'GET').toUpperCase()
    if (this.plain || authorization !== undefined || init.body != null) return undefined
    if (method !== 'GET' || url.origin !== this.secure.origin) return undefined
    const plain = new URL(`http://${url.host}${url.pathname}${url.search}`)
    if (!plainHttpAllowed(plain, this.insecureRegistries)) return undefined
    // Through a proxy, the order of tunnels and requests stays TLS first, then plain.
    if (proxyFor(currentProxyRules(), plain)) return undefined
    return this.send(plain, init, undefined)
  }

  /**
   * One HTTP exchange with a timeout to the response headers; a streamed body
   * instead re-arms the timer at every chunk, so a slow but moving upload of
   * a large layer is never cut, and a stalled one is. It goes through the
   * proxy the environment names for `url`, if any (see proxy-dispatch.ts).
   */
  private async send(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<Response> {
    const way = await route(url, this.insecureRegistries)
    const headers = new Headers(init.headers)
    if (authorization) headers.set('authorization', authorization)
    else headers.delete('authorization')
    const controller = new AbortController()
    let timedOut = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let answered = false
    const arm = (): void => {
      clearTimeout(timer)
      if (answered) return
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, this.timeoutMs)
    }
    const stopOnCallerAbort = (): void => controller.abort()
    init.signal?.addEventListener('abort', stopOnCallerAbort, { once: true })
    const streamed = isStream(init.body)
    const unclonable = streamed && init.redirect !== 'manual'
    const body = isStream(init.body) ? rearmOnChunk(init.body, arm) : init.body
    arm()
    try {
      return await fetch(url, {
        ...init,
        body,
        headers,
        // fetch clones a request unless its redirect mode is 'error' and it has
        // no window, and the clone tees the body: for a stream, the branch no
        // one reads then keeps every chunk sent, a whole layer per upload. A
        // stream cannot follow a redirect anyway, so it goes out unclonable.
        redirect: unclonable ? 'error' : 'manual',
        signal: controller.signal,
        ...(streamed ? { duplex: 'half' } : {}),
        ...(unclonable ? { window: null } : {}),
        ...dispatchOptions(way)
      } as RequestInit)
    } catch (e) {
      const tls = timedOut ? undefined : tlsFailure(e)
      if (tls?.kind === 'certificate')
        throw new UnsafeEndpointError(this.registry, untrustedText(this.registry, url, tls))
      if (tls?.kind === 'plain') {
        if (url.origin === this.secure.origin && plainHttpAllowed(url, this.insecureRegistries))
          throw new PlainAnswer()
        throw new UnsafeEndpointError(this.registry, plainRefusedText(url))
      }
      if (unclonable && !timedOut && redirectRefused(e))
        throw new RegistryUnreachableError(this.registry, streamRedirectedText(init, url))
      const refused = timedOut ? undefined : proxyRefusal(e, way.proxy)
      if (refused) throw new ProxyRefusedError(this.registry, refused)
      const why = timedOut
        ? `${describeRequest(init, url)} got no answer within ${this.timeoutMs / 1000} s`
        : networkErrorText(e)
      throw new RegistryUnreachableError(this.registry, why + viaProxy(way.proxy))
    } finally {
      answered = true
      clearTimeout(timer)
      init.signal?.removeEventListener('abort', stopOnCallerAbort)
    }
  }
}

/** `URL.parse` is Node 20.18+; engines allow any Node 20. */
function parseUrl(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base)
  } catch {
    return undefined
  }
}

function isStream(body: RequestInit['body']): body is ReadableStream<Uint8Array> {
  return typeof (body as { getReader?: unknown } | null | undefined)?.getReader === 'function'
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

function rearmOnChunk(
  source: ReadableStream<Uint8Array>,
  arm: () => void
): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      arm()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason)
  })
}

function streamRedirectedText(init: RequestInit, url: URL): string {
  return `${describeRequest(init, url)} was redirected, and a streamed body cannot be sent twice`
}

/** What fetch throws for a 3xx answer to a request sent with redirect 'error'. */
function redirectRefused(e: unknown): boolean {
  return (e as { cause?: { message?: unknown } } | null)?.cause?.message === 'unexpected redirect'
}
