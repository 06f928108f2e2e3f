/**
 * The retry policy of the registry transport, pure: which answers are worth
 * another try, and how long to wait before it.
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
