import type { BasicCredentials, MaskSecret } from './credentials.js'
import { Authorizer } from './authorizer.js'
import { TokenServiceBusyError } from './auth.js'
import { parseChallenge } from './challenge.js'
import { CredentialsRejectedError, registryErrorText, RegistryUnreachableError } from './errors.js'
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryDelayMs,
  type RetryPolicy
} from '../shared/retry.js'
import { describeRequest, isReplayable, Transport } from './transport.js'
import type { Provider } from '../registry/provider.js'
import { grantOf, type TokenGrant } from './token-claims.js'
import { discard } from './discard.js'

export { isReplayable }

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
  /**
   * `insecure-registries`: lowercase `host[:port]`s whose TLS certificate is
   * not verified and that may answer plain HTTP. It names hosts, so it opts
   * in only the registries listed: every other host, including any this one
   * redirects to, stays verified.
   */
  readonly insecureRegistries?: readonly string[]
  /** Who runs the registry, for the words of its refusals (see RequestContext). */
  readonly provider?: Provider
}

const retriesMade = new WeakMap<Response, number>()

/** How many times the transport retried before it returned this response. */
export function retriesOf(response: Response): number {
  return retriesMade.get(response) ?? 0
}

/**
 * Talks to one registry's API, answering its `WWW-Authenticate` challenge
 * itself (Basic, or Bearer through the realm), and authenticating again once
 * when a 401 comes mid-run (tokens last minutes). Retries transient failures
 * with the policy of retry.ts, follows redirects itself, and sends
 * credentials only to the registry's own origin.
 */
export class RegistryClient {
  readonly retries: number
  readonly timeoutMs: number
  /** Who runs the registry, when the client was told (see ClientOptions). */
  readonly provider: Provider | undefined
  private readonly authorizer: Authorizer
  private readonly transport: Transport
  private readonly policy: RetryPolicy
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly onRetry: ((message: string) => void) | undefined

  constructor(
    readonly registry: string,
    private readonly credentials: BasicCredentials | undefined,
    mask: MaskSecret,
    options: ClientOptions = {}
  ) {
    this.retries = Math.max(0, options.retries ?? DEFAULT_RETRY_POLICY.retries)
    this.policy = { ...DEFAULT_RETRY_POLICY, retries: this.retries }
    this.timeoutMs = options.timeoutMs ?? 60_000
    this.provider = options.provider
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
    this.onRetry = options.onRetry
    this.authorizer = new Authorizer(registry, credentials, mask, options.insecureRegistries)
    this.transport = new Transport(registry, this.timeoutMs, options.insecureRegistries)
  }

  /**
   * `https://host:port`; `http://…` once a loopback (or listed) registry
   * answered TLS with plain HTTP, which its first request finds out.
   */
  get baseUrl(): string {
    return this.transport.baseUrl
  }

  /** `https://ghcr.io`: the only origin that ever sees the credentials. */
  get origin(): string {
    return this.transport.origin
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
        await this.waitToRetry(
          retry,
          `${describeRequest(init, url)} failed: ${e.detail}`,
          e instanceof TokenServiceBusyError ? e.retryAfter : undefined
        )
        continue
      }
      if (replayable && retry < this.retries && isRetryableStatus(response.status)) {
        await discard(response)
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

  /**
   * What the token these scopes were last sent with grants on the repository
   * `path` (see token-claims.ts): a preview reads whether pushing would be
   * allowed from the token its reads obtained for `pull,push`.
   */
  grantOn(scopes: readonly string[], path: string): TokenGrant {
    return grantOf(this.authorizer.held(scopes), path)
  }

  /** Check that the registry accepts the credentials (`GET /v2/`). */
  async checkLogin(): Promise<void> {
    const response = await this.request('/v2/')
    if (response.ok) {
      await discard(response)
      return
    }
    if (response.status === 401) {
      await discard(response)
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
    const { authorization: sent, fresh } = await this.authorizer.authorizationFor(scopes)
    // A connection whose answer was just read goes back to the pool on a later
    // turn of the event loop: wait for it, or this request opens a new one.
    await nextTurn()
    const first = await this.transport.follow(url, init, sent)
    if (first.response.status !== 401 || first.url.origin !== this.origin) return first.response
    // A token fetched for this very request was refused: the scope is not
    // granted, and fetching another would not change that.
    if (fresh) return first.response
    const challenge = parseChallenge(first.response.headers.get('www-authenticate'))
    await discard(first.response)
    if (!challenge)
      throw new CredentialsRejectedError(
        this.registry,
        'it asked for authentication in a way tagship does not know'
      )
    const authorization = await this.authorizer.renew(challenge, scopes, sent)
    // A streamed body is gone: the caller sends it again, with the new authorization.
    if (!replayable) return first.response
    await nextTurn()
    return (await this.transport.follow(url, init, authorization)).response
  }
}

/**
 * Resolves two turns of the event loop later: fetch hands a connection whose
 * answer was just read back to its pool only after pending I/O callbacks, and
 * one turn was seen not to be always enough (__tests__/distribution/keep-alive.test.ts).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)))
}
