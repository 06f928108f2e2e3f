/**
 * The retry policy of the registry transport and of every login call, pure:
 * which answers are worth another try, and how long to wait before it.
 */

export interface RetryPolicy {
  /** Further attempts after the first one. */
  readonly retries: number
  /** The first backoff step; each retry doubles it. */
  readonly baseMs: number
  /** No wait is longer than this, whatever the backoff or the registry's Retry-After says. */
  readonly capMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, baseMs: 500, capMs: 30_000 }

/**
 * The one policy of every retried call, registry requests and logins alike
 * (token services, token exchanges, STS, Entra ID, ECR): `retries` further
 * attempts (the `retries` input; 0 means one attempt), the default waits.
 */
export function retryPolicy(retries: number = DEFAULT_RETRY_POLICY.retries): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, retries: Math.max(0, Math.floor(retries)) }
}

/** `1 attempt`, `5 attempts`: how a retried call that gave up says how hard it tried. */
export function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'}`
}

/**
 * 408, 429 and 5xx are transient: the registry, a proxy or a load balancer may
 * answer differently a moment later. 501 (Not Implemented) and 505 (HTTP
 * Version Not Supported) are the server saying it never will.
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true
  return status >= 500 && status <= 599 && status !== 501 && status !== 505
}

/**
 * Capped exponential backoff with equal jitter: half the step is fixed and
 * half random, so many clients throttled at once spread out and none waits
 * near zero. `retry` counts from 0 (the wait before the first retry).
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry))
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(step / 2 + (step / 2) * r)
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds (`120`) or
 * an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, a date already past is 0).
 * Undefined when absent or not one of those forms (`-1`, `1.5`, `soon`).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // A date names a weekday or a month; a bare number (`-1`, `1.5`) is no date, whatever Date.parse thinks.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}

/** How long to wait before retry number `retry` (from 0): the registry's Retry-After if valid, else backoff; capped. */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null | undefined,
  policy: RetryPolicy,
  random: () => number,
  now: number
): number {
  const asked = parseRetryAfter(retryAfter, now)
  if (asked !== undefined) return Math.min(policy.capMs, asked)
  return backoffMs(retry, policy, random)
}

/** How a retried operation waits: the policy, and the clock and randomness (tests pass their own). */
export interface Pacing {
  readonly policy: RetryPolicy
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  /** Told before each wait: `…; retry 1 of 4 in 0.6 s`. */
  readonly onRetry?: (message: string) => void
}

/** One try of a retried operation: its value, or why it is worth another try. */
export type Attempt<T> =
  | { readonly value: T }
  | { readonly again: string; readonly retryAfter?: string | null; readonly error: unknown }

/**
 * Run `attempt` until it gives a value, waiting the policy's backoff (or the
 * server's Retry-After) between tries; after the last retry its error is
 * thrown. For operations other than a registry request (which the client
 * retries itself with the same policy): token exchanges, for one.
 */
export async function retrying<T>(
  pacing: Pacing,
  attempt: (retry: number) => Promise<Attempt<T>>
): Promise<T> {
  const sleep = pacing.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (let retry = 0; ; retry++) {
    const result = await attempt(retry)
    if ('value' in result) return result.value
    if (retry >= pacing.policy.retries) throw result.error
    const ms = retryDelayMs(
      retry,
      result.retryAfter,
      pacing.policy,
      pacing.random ?? Math.random,
      (pacing.now ?? Date.now)()
    )
    pacing.onRetry?.(
      `${result.again}; retry ${retry + 1} of ${pacing.policy.retries} in ${(ms / 1000).toFixed(1)} s`
    )
    await sleep(ms)
  }
}
