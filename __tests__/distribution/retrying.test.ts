import { describe, expect, test } from '@jest/globals'
import { retrying, type Attempt } from '../../src/shared/retry.js'

// The one retry loop for operations other than a registry request (the ACR
// token exchange): the same policy, Retry-After honoured, the last error thrown.
describe('retrying', () => {
  const run = async (answers: Attempt<string>[], retries: number) => {
    const waits: number[] = []
    const said: string[] = []
    const tries: number[] = []
    const outcome = await retrying(
      {
        policy: { retries, baseMs: 100, capMs: 1000 },
        sleep: async (ms) => void waits.push(ms),
        random: () => 0.5,
        now: () => Date.parse('2026-12-03T00:00:00Z'),
        onRetry: (m) => said.push(m)
      },
      async (retry) => {
        tries.push(retry)
        return answers[retry]!
      }
    ).then(
      (value) => ({ value }),
      (e: unknown) => ({ error: (e as Error).message })
    )
    return { outcome, waits, said, tries }
  }

  test('a value on a later try, after backoff and a Retry-After', async () => {
    const r = await run(
      [
        { again: 'x: HTTP 503', error: new Error('one') },
        { again: 'x: HTTP 429', retryAfter: '2', error: new Error('two') },
        { value: 'ok' }
      ],
      4
    )
    expect(r).toEqual({
      outcome: { value: 'ok' },
      tries: [0, 1, 2],
      waits: [75, 1000],
      said: ['x: HTTP 503; retry 1 of 4 in 0.1 s', 'x: HTTP 429; retry 2 of 4 in 1.0 s']
    })
  })

  test('past the last retry, the last error is thrown', async () => {
    const fail = (n: number): Attempt<string> => ({
      again: `try ${n}`,
      error: new Error(`gave up at ${n}`)
    })
    const r = await run([fail(0), fail(1), fail(2)], 2)
    expect(r.outcome).toEqual({ error: 'gave up at 2' })
    expect(r.tries).toEqual([0, 1, 2])
    expect(r.waits).toEqual([75, 150])
  })
})
