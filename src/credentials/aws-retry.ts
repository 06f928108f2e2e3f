import { errorChain, oneLine } from '../shared/errors.js'
import { isRetryableStatus, retryDelayMs, type Pacing } from '../shared/retry.js'
import { scrubSecrets } from '../shared/scrub.js'

/** The SDK's retry token, as its retry middleware reads it. */
interface AttemptToken {
  getRetryCount(): number
  getRetryDelay(): number
}

/** What the SDK's retry middleware says about a failed attempt. */
interface AttemptFailure {
  readonly error?: unknown
  readonly errorType: 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR'
}

/** The SDK's retry hook (RetryStrategyV2 in @smithy/types), which its clients take as `retryStrategy`. */
export interface AwsRetryStrategy {
  acquireInitialRetryToken(scope: string): Promise<AttemptToken>
  refreshRetryTokenForRetry(token: AttemptToken, failure: AttemptFailure): Promise<AttemptToken>
  recordSuccess(token: AttemptToken): void
}

/**
 * The login policy inside the AWS SDK's own retry loop, so that ECR, ECR
 * Public and STS calls retry as every other login call does: after a network
 * error, a timeout, 408, 429 (after its Retry-After) or a 5xx, never after
 * another 4xx, at most `maxAttempts` attempts in all, waiting the policy's
 * backoff on the pacing's clock, each retry told through `onRetry` (with no
 * secret: `secrets` is read when a line is written). The SDK's own strategy
 * waits by other rules (its own base delay, a retry quota a client's calls
 * share) and says nothing.
 *
 * The wait happens here, and the token then asks the SDK for none (as the
 * SDK's own strategy does). Refusing a retry is throwing: the SDK then throws
 * the call's last error, its `$metadata.attempts` counting every attempt.
 */
export function awsRetryStrategy(
  pacing: Pacing,
  maxAttempts: number,
  label: string,
  secrets: readonly string[]
): AwsRetryStrategy {
  const retries = Math.max(0, maxAttempts - 1)
  const policy = { ...pacing.policy, retries }
  const sleep = pacing.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  return {
    acquireInitialRetryToken: async () => attempt(0),
    refreshRetryTokenForRetry: async (token, failure) => {
      const retry = token.getRetryCount()
      if (retry >= retries || !isRetryable(failure)) throw new Error('no retry left')
      const ms = retryDelayMs(
        retry,
        retryAfterOf(failure.error),
        policy,
        pacing.random ?? Math.random,
        (pacing.now ?? Date.now)()
      )
      const why = scrubSecrets(`${label} ${describe(failure.error)}`, secrets)
      pacing.onRetry?.(`${why}; retry ${retry + 1} of ${retries} in ${(ms / 1000).toFixed(1)} s`)
      await sleep(ms)
      return attempt(retry + 1)
    },
    recordSuccess: () => undefined
  }
}

function attempt(count: number): AttemptToken {
  return { getRetryCount: () => count, getRetryDelay: () => 0 }
}

/**
 * Throttling (429 or a throttling error code) and transient failures (network
 * errors, timeouts, 500, 502, 503, 504) as the SDK classifies them, and any
 * other status the policy retries (408, the other 5xx but 501 and 505).
 */
function isRetryable(failure: AttemptFailure): boolean {
  if (failure.errorType === 'THROTTLING' || failure.errorType === 'TRANSIENT') return true
  const status = statusOf(failure.error)
  return status !== undefined && isRetryableStatus(status)
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata
    ?.httpStatusCode
  return typeof status === 'number' ? status : undefined
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } })
    ?.$response?.headers
  return headers?.['retry-after']
}

/** `answered HTTP 503 (ServiceUnavailable)`, `failed: ECONNRESET`: a status, a name, a code; no service text. */
function describe(error: unknown): string {
  const status = statusOf(error)
  const [shape = {}] = errorChain(error)
  // `Unknown`: the SDK found no AWS error in the answer (a proxy's, a load balancer's).
  const name = shape.name && !['Error', 'Unknown'].includes(shape.name) ? shape.name : undefined
  if (status !== undefined) return `answered HTTP ${status}${name ? ` (${name})` : ''}`
  const code = errorChain(error).find((e) => e.code)?.code
  return `failed: ${code ?? name ?? oneLine(shape.message ?? String(error))}`
}
