import { networkErrorText, RegistryUnreachableError } from './errors.js'

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

/** Sends one request to a registry, following its redirects, with a timeout. */
export class Transport {
  constructor(
    private readonly registry: string,
    /** The only origin that ever sees the authorization. */
    private readonly origin: string,
    private readonly timeoutMs: number
  ) {}

  /**
   * Send, and follow up to 5 redirects. Authorization goes only to the
   * registry's origin (scheme, host and port): object stores behind a
   * redirect (S3, Azure Blob, a CDN) refuse a second auth mechanism, and it
   * would leak the token. 307/308 keep method and body; 303 (and 301/302
   * after a POST) turn into a GET without body.
   */
  async follow(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<{ response: Response; url: URL }> {
    let current = url
    let request = init
    for (let hop = 0; ; hop++) {
      const auth = current.origin === this.origin ? authorization : undefined
      const response = await this.send(current, request, auth)
      const location = response.headers.get('location')
      if (!isRedirect(response.status) || !location || init.redirect === 'manual')
        return { response, url: current }
      await response.body?.cancel()
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
        throw new RegistryUnreachableError(
          this.registry,
          `${describeRequest(init, url)} was redirected, and a streamed body cannot be sent twice`
        )
      }
      current = new URL(location, current)
    }
  }

  /**
   * One HTTP exchange with a timeout to the response headers; a streamed body
   * instead re-arms the timer at every chunk, so a slow but moving upload of
   * a large layer is never cut, and a stalled one is.
   */
  private async send(
    url: URL,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<Response> {
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
    const body = isStream(init.body) ? rearmOnChunk(init.body, arm) : init.body
    arm()
    try {
      return await fetch(url, {
        ...init,
        body,
        headers,
        redirect: 'manual',
        signal: controller.signal,
        ...(streamed ? { duplex: 'half' } : {})
      } as RequestInit)
    } catch (e) {
      const why = timedOut
        ? `${describeRequest(init, url)} got no answer within ${this.timeoutMs / 1000} s`
        : networkErrorText(e)
      throw new RegistryUnreachableError(this.registry, why)
    } finally {
      answered = true
      clearTimeout(timer)
      init.signal?.removeEventListener('abort', stopOnCallerAbort)
    }
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
