import { describe, expect, test } from '@jest/globals'
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs
} from '../../src/shared/retry.js'

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
const policy = DEFAULT_RETRY_POLICY

describe('isRetryableStatus', () => {
  test.each([
    [200, false],
    [201, false],
    [202, false],
    [307, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [405, false],
    [408, true],
    [413, false],
    [429, true],
    [500, true],
    [501, false],
    [502, true],
    [503, true],
    [504, true],
    [505, false],
    [599, true]
  ])('%i → %s', (status, retry) => {
    expect(isRetryableStatus(status)).toBe(retry)
  })
})

describe('backoffMs: equal jitter over a doubling step, capped', () => {
  test.each([
    // retry, random, ms
    [0, 0, 250],
    [0, 0.5, 375],
    [0, 0.999, 500],
    [1, 0, 500],
    [1, 0.5, 750],
    [2, 0.5, 1500],
    [3, 0.5, 3000],
    [5, 1, 16_000],
    [6, 0, 15_000],
    [6, 1, 30_000],
    [20, 0.5, 22_500],
    [20, 7, 30_000],
    [20, -1, 15_000]
  ])('retry %i with random %d → %i ms', (retry, random, ms) => {
    expect(backoffMs(retry, policy, () => random)).toBe(ms)
  })

  test('a smaller cap holds', () => {
    expect(backoffMs(10, { retries: 4, baseMs: 100, capMs: 1000 }, () => 1)).toBe(1000)
  })
})

describe('parseRetryAfter', () => {
  test.each([
    ['2', 2000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Wed, 21 Oct 2015 07:28:03 GMT', 3000],
    ['Wed, 21 Oct 2015 07:29:00 GMT', 60_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['Wednesday, 21-Oct-15 07:28:05 GMT', 5000]
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms)
  })

  test.each([
    [null],
    [undefined],
    [''],
    ['  '],
    ['-1'],
    ['1.5'],
    ['soon'],
    ['2 s'],
    ['Wed, 99 Foo']
  ])('%j is not a Retry-After', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })
})

describe('retryDelayMs', () => {
  test.each([
    ['2', 0, 2000],
    ['Wed, 21 Oct 2015 07:28:03 GMT', 0, 3000],
    ['3600', 0, 30_000],
    ['Thu, 22 Oct 2015 07:28:00 GMT', 0, 30_000],
    [null, 0, 375],
    ['soon', 1, 750],
    [undefined, 2, 1500]
  ])('Retry-After %j before retry %i → %i ms', (retryAfter, retry, ms) => {
    expect(retryDelayMs(retry, retryAfter, policy, () => 0.5, NOW)).toBe(ms)
  })
})
