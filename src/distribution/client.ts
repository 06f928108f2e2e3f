import type { BasicCredentials, MaskSecret } from '../registry/credentials/types.js'
import { basicAuthorization, fetchBearerToken } from './auth.js'
import { parseChallenge, type Challenge } from './challenge.js'
import { registryBaseUrl } from './endpoint.js'
import {
  CredentialsRejectedError,
  networkErrorText,
  registryErrorText,
  RegistryUnreachableError
} from './errors.js'
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry.js'

export interface ClientOptions {
  /**
   * Milliseconds to wait for a response's headers (default 60 000); while a
   * streamed body is being sent, the longest pause between two chunks.
   */
  readonly timeoutMs?: number
  /** Retries of a transient failure (408, 429, 5xx, network), default 4. */
  readonly retries?: number
  /** How to wait between attempts (tests pass one that records and returns at once). */
  readonly sleep?: (ms: number) => Promise<void>
  /** In [0, 1): the backoff jitter. */
  readonly random?: () => number
  /** Epoch milliseconds, for `Retry-After` dates. */
  readonly now?: () => number
  /** Told before each retry: `127.0.0.1:5000: GET /v2/… answered HTTP 429; retry 1 of 4 in 2.0 s`. */
  readonly onRetry?: (message: string) => void
}

const MAX_REDIRECTS = 5
const retriesMade = new WeakMap<Response, number>()

/** How many times the transport retried before it returned this response. */
export function retriesOf(response: Response): number {
  return retriesMade.get(response) ?? 0
}

/** Bodies the transport can send again; a stream can be read once. Duck-typed: under Jest, buffers come from another realm. */
export function isReplayable(body: RequestInit['body']): boolean {
  if (body === undefined || body === null || typeof body === 'string') return true
  if (ArrayBuffer.isView(body)) return true
  const tag = Object.prototype.toString.call(body)
  return tag === '[object ArrayBuffer]' || tag === '[object URLSearchParams]'
}

function isStream(body: RequestInit['body']): body is ReadableStream<Uint8Array> {
  return typeof (body as { getReader?: unknown } | null | undefined)?.getReader === 'function'
}

/**
 * Talks to one registry's API, answering its `WWW-Authenticate` challenge
 * itself (Basic, or Bearer through the realm), and authenticating again once
 * when a 401 comes mid-run (tokens last minutes). Retries transient failures
 * with the policy of retry.ts, follows redirects itself, and sends
 * credentials only to the registry's own origin.
 */
export class RegistryClient {
  readonly baseUrl: string
  /** `http://127.0.0.1:5000`: the only origin that ever sees the credentials. */
  readonly origin: string
  readonly retries: number
  readonly timeoutMs: number
  private readonly tokens = new Map<string, string>()
  /** Token fetches under way, per scope set: concurrent requests share one. */
  private readonly pending = new Map<string, Promise<string>>()
  private challenge: Challenge | undefined
  private readonly policy: RetryPolicy
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly onRetry: ((message: string) => void) | undefined

  constructor(
    readonly registry: string,
    private readonly credentials: BasicCredentials | undefined,
    private readonly mask: MaskSecret,
    options: ClientOptions = {}
  ) {
    this.baseUrl = registryBaseUrl(registry)
    this.origin = new URL(this.baseUrl).origin
    this.retries = Math.max(0, options.retries ?? DEFAULT_RETRY_POLICY.retries)
    this.policy = { ...DEFAULT_RETRY_POLICY, retries: this.retries }
    this.timeoutMs = options.timeoutMs ?? 60_000
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
    this.onRetry = options.onRetry
  }

  /**
   * Send a request with the authorization the scopes need. `target` is a
   * `/v2/…` path or an absolute URL (an upload `Location`). Transient failures
   * of requests with a replayable body are retried here; the last answer is
   * returned whatever its status (see `retriesOf`). `init.redirect: 'manual'`
   * returns a redirect instead of following it.
   */
  async request(
    target: string,
    init: RequestInit = {},
    scopes: readonly string[] = []
  ): Promise<Response> {
    const url = this.resolve(target)
    const replayable = isReplayable(init.body)
    for (let retry = 0; ; retry++) {
      let response: Response
      try {
        response = await this.attempt(url, init, scopes, replayable)
      } catch (e) {
        if (!(e instanceof RegistryUnreachableError) || !replayable || retry >= this.retries)
          throw e instanceof RegistryUnreachableError && retry > 0
            ? new RegistryUnreachableError(this.registry, e.detail, retry, { cause: e })
            : e
        await this.waitToRetry(retry, `${describeRequest(init, url)} failed: ${e.detail}`)
        continue
      }
      if (replayable && retry < this.retries && isRetryableStatus(response.status)) {
        await response.body?.cancel()
        await this.waitToRetry(
          retry,
          `${describeRequest(init, url)} answered HTTP ${response.status}`,
          response.headers.get('retry-after')
        )
        continue
      }
      retriesMade.set(response, retry)
      return response
    }
  }

  /**
   * Wait before retry number `retry` (from 0), honouring a `Retry-After`, and
   * say so through `onRetry`. For callers that retry a whole operation (a
   * streamed upload) themselves.
   */
  async waitToRetry(retry: number, reason: string, retryAfter?: string | null): Promise<void> {
    const ms = retryDelayMs(retry, retryAfter, this.policy, this.random, this.now())
    this.onRetry?.(
      `${this.registry}: ${reason}; retry ${retry + 1} of ${this.retries} in ${(ms / 1000).toFixed(1)} s`
    )
    await this.sleep(ms)
  }

  /** Check that the registry accepts the credentials (`GET /v2/`). */
  async checkLogin(): Promise<void> {
    const response = await this.request('/v2/')
    if (response.ok) {
      await response.body?.cancel()
      return
    }
    if (response.status === 401) {
      await response.body?.cancel()
      const why = this.credentials
        ? 'the credentials were refused'
        : 'it needs credentials and none were given'
      throw new CredentialsRejectedError(this.registry, why)
    }
    throw new RegistryUnreachableError(this.registry, await registryErrorText(response))
  }

  private resolve(target: string): URL {
    return target.startsWith('/') ? new URL(`${this.baseUrl}${target}`) : new URL(target)
  }

  /** One try: follow redirects, and answer one 401 from the registry by authenticating again. */
  private async attempt(
    url: URL,
    init: RequestInit,
    scopes: readonly string[],
    replayable: boolean
  ): Promise<Response> {
    const key = scopes.join(' ')
    const { authorization: sent, fresh } = await this.authorizationFor(key, scopes)
    const first = await this.follow(url, init, sent)
    if (first.response.status !== 401 || first.url.origin !== this.origin) return first.response
    // A token fetched for this very request was refused: the scope is not
    // granted, and fetching another would not change that.
    if (fresh) return first.response
    const challenge = parseChallenge(first.response.headers.get('www-authenticate'))
    await first.response.body?.cancel()
    if (!challenge)
      throw new CredentialsRejectedError(
        this.registry,
        'it asked for authentication in a way tagship does not know'
      )
    this.challenge = challenge
    // Another request may have renewed the token meanwhile: use that one.
    const renewed = this.tokens.get(key)
    let authorization: string
    if (renewed !== undefined && renewed !== sent) authorization = renewed
    else {
      this.tokens.delete(key)
      authorization = await this.fetchAuthorization(challenge, key, scopes)
    }
    // A streamed body is gone: the caller sends it again, with the new authorization.
    if (!replayable) return first.response
    return (await this.follow(url, init, authorization)).response
  }

  /**
   * Send, and follow up to 5 redirects. Authorization goes only to the
   * registry's origin (scheme, host and port): object stores behind a
   * redirect (S3, Azure Blob, a CDN) refuse a second auth mechanism, and it
   * would leak the token. 307/308 keep method and body; 303 (and 301/302
   * after a POST) turn into a GET without body.
   */
  private async follow(
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
   * What to send first: the token for these scopes, or, once the registry
   * has asked for Bearer tokens, a new token fetched up front, which saves a
   * 401 round trip for every new scope set; Basic credentials once asked for.
   */
  private async authorizationFor(
    key: string,
    scopes: readonly string[]
  ): Promise<{ authorization: string | undefined; fresh: boolean }> {
    const cached = this.tokens.get(key)
    if (cached !== undefined) return { authorization: cached, fresh: false }
    if (this.challenge?.scheme === 'bearer')
      return {
        authorization: await this.fetchAuthorization(this.challenge, key, scopes),
        fresh: true
      }
    return { authorization: this.basicIfKnown(), fresh: false }
  }

  private fetchAuthorization(
    challenge: Challenge,
    key: string,
    scopes: readonly string[]
  ): Promise<string> {
    let pending = this.pending.get(key)
    if (!pending) {
      pending = this.authorize(challenge, scopes)
        .then((authorization) => {
          this.tokens.set(key, authorization)
          return authorization
        })
        .finally(() => this.pending.delete(key))
      this.pending.set(key, pending)
    }
    return pending
  }

  private basicIfKnown(): string | undefined {
    return this.challenge?.scheme === 'basic' && this.credentials
      ? basicAuthorization(this.credentials)
      : undefined
  }

  private async authorize(challenge: Challenge, scopes: readonly string[]): Promise<string> {
    if (challenge.scheme === 'basic') {
      if (!this.credentials)
        throw new CredentialsRejectedError(
          this.registry,
          'it needs credentials and none were given'
        )
      return basicAuthorization(this.credentials)
    }
    const token = await fetchBearerToken({
      registry: this.registry,
      challenge,
      scopes,
      ...(this.credentials ? { credentials: this.credentials } : {}),
      mask: this.mask
    })
    return `Bearer ${token}`
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

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/** `PUT /v2/team/app/blobs/uploads/…`: the path only, as upload queries carry session state. */
function describeRequest(init: RequestInit, url: URL): string {
  return `${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`
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
