import { describe, expect, test } from '@jest/globals'
import { awsRetryStrategy } from '../../src/credentials/aws-retry.js'
import { retryPolicy } from '../../src/shared/retry.js'

/**
 * The login policy in the AWS SDK's retry loop, fed the failures its retry
 * middleware reports: which are retried, how long each waits (no jitter: half
 * the backoff step, or the Retry-After asked), and the line each retry shows.
 */
const SECRET = 'fixture/secret/key+0000000000000000000001'
const LABEL = 'Amazon ECR 123456789012.dkr.ecr.eu-west-1.amazonaws.com: the ECR API'

type ErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR'

/** An SDK error: its name, the status it came with, a network code, a Retry-After. */
function sdkError(shape: {
  name?: string
  message?: string
  status?: number
  code?: string
  retryAfter?: string
}): Error {
  const error = new Error(shape.message ?? 'failed')
  if (shape.name) error.name = shape.name
  return Object.assign(error, {
    ...(shape.code && { code: shape.code }),
    ...(shape.status && { $metadata: { httpStatusCode: shape.status } }),
    ...(shape.retryAfter && { $response: { headers: { 'retry-after': shape.retryAfter } } })
  })
}

/** What, the failure, the SDK's classification, retries made so far, max attempts, the wait and the line. */
type Row = [string, Error, ErrorType, number, number, number | undefined, string | undefined]

describe('awsRetryStrategy', () => {
  test.each<Row>([
    // no wait and no line: not retried
    [
      'a throttled call waits its Retry-After',
      sdkError({ name: 'ThrottlingException', status: 429, retryAfter: '2' }),
      'THROTTLING',
      0,
      5,
      2000,
      `${LABEL} answered HTTP 429 (ThrottlingException); retry 1 of 4 in 2.0 s`
    ],
    [
      'a reset connection, second retry',
      sdkError({ code: 'ECONNRESET', message: 'socket hang up' }),
      'TRANSIENT',
      1,
      5,
      500,
      `${LABEL} failed: ECONNRESET; retry 2 of 4 in 0.5 s`
    ],
    [
      'a 503 the SDK could not read (no AWS error in it)',
      sdkError({ name: 'Unknown', status: 503 }),
      'TRANSIENT',
      2,
      5,
      1000,
      `${LABEL} answered HTTP 503; retry 3 of 4 in 1.0 s`
    ],
    [
      'a 507 (a 5xx the SDK does not retry)',
      sdkError({ name: 'InsufficientStorage', status: 507 }),
      'SERVER_ERROR',
      0,
      5,
      250,
      `${LABEL} answered HTTP 507 (InsufficientStorage); retry 1 of 4 in 0.3 s`
    ],
    [
      'a 408',
      sdkError({ name: 'RequestTimeout', status: 408 }),
      'CLIENT_ERROR',
      0,
      5,
      250,
      `${LABEL} answered HTTP 408 (RequestTimeout); retry 1 of 4 in 0.3 s`
    ],
    [
      'a failure whose text holds a secret',
      sdkError({ message: `signing with ${SECRET} timed out` }),
      'TRANSIENT',
      0,
      2,
      250,
      `${LABEL} failed: signing with *** timed out; retry 1 of 1 in 0.3 s`
    ],
    [
      'a 501 (Not Implemented: never)',
      sdkError({ name: 'NotImplemented', status: 501 }),
      'SERVER_ERROR',
      0,
      5,
      undefined,
      undefined
    ],
    [
      'refused credentials',
      sdkError({ name: 'UnrecognizedClientException', status: 400 }),
      'CLIENT_ERROR',
      0,
      5,
      undefined,
      undefined
    ],
    [
      'access denied',
      sdkError({ name: 'AccessDeniedException', status: 403 }),
      'CLIENT_ERROR',
      0,
      5,
      undefined,
      undefined
    ],
    [
      'the last attempt',
      sdkError({ name: 'Unknown', status: 503 }),
      'TRANSIENT',
      4,
      5,
      undefined,
      undefined
    ],
    [
      'one attempt in all (retries: 0)',
      sdkError({ name: 'Unknown', status: 503 }),
      'TRANSIENT',
      0,
      1,
      undefined,
      undefined
    ]
  ])('%s', async (_what, error, errorType, retriesMade, maxAttempts, wait, line) => {
    const waits: number[] = []
    const lines: string[] = []
    const pacing = {
      policy: retryPolicy(10),
      sleep: async (ms: number) => void waits.push(ms),
      random: () => 0,
      onRetry: (l: string) => void lines.push(l)
    }
    const strategy = awsRetryStrategy(pacing, maxAttempts, LABEL, [SECRET])
    const token = { getRetryCount: () => retriesMade, getRetryDelay: () => 0 }

    const next = await strategy.refreshRetryTokenForRetry(token, { error, errorType }).then(
      (t) => ({ count: t.getRetryCount(), delay: t.getRetryDelay() }),
      () => 'refused'
    )

    if (wait === undefined) {
      expect(next).toBe('refused')
      expect({ waits, lines }).toEqual({ waits: [], lines: [] })
    } else {
      // The wait happened here; the SDK is asked to wait no more.
      expect(next).toEqual({ count: retriesMade + 1, delay: 0 })
      expect({ waits, lines }).toEqual({ waits: [wait], lines: [line] })
    }
  })

  test('the first attempt starts with no retry made', async () => {
    const strategy = awsRetryStrategy({ policy: retryPolicy(4) }, 5, LABEL, [])
    const token = await strategy.acquireInitialRetryToken('')
    expect({ count: token.getRetryCount(), delay: token.getRetryDelay() }).toEqual({
      count: 0,
      delay: 0
    })
  })
})
