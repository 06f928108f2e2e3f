import { describe, expect, test } from '@jest/globals'
import { decideTag, type TagFacts, type TagDecision } from '../../src/push/decide.js'
import { publishFailure } from '../../src/push/failure.js'
import { allLimited, mapLimited } from '../../src/shared/limit.js'
import type { PublishResult, TagResult } from '../../src/push/results.js'
import { tagWriteFailure } from '../../src/push/write-errors.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const LATEST = { kind: 'latest' as const, version: '1.1.1', prefix: '', suffix: '' }
const facts = (more: Partial<TagFacts>): TagFacts => ({
  existingTags: [],
  forwardOnly: true,
  ...more
})

describe('decideTag', () => {
  test.each<[string, Partial<TagFacts>, TagDecision]>([
    ['a new tag is written', { expected: A }, { action: 'write' }],
    ['a tag at the digest is left alone', { current: A, expected: A }, { action: 'already there' }],
    ['a tag elsewhere is moved', { current: B, expected: A }, { action: 'write', current: B }],
    [
      'the docker engine has not pushed yet: an existing tag is to be written',
      { current: B },
      { action: 'write', current: B }
    ],
    [
      'a floating tag a newer release holds is kept',
      { current: B, expected: A, floating: LATEST, existingTags: ['2.0.0', '1.1.0'] },
      { action: 'kept', newer: '2.0.0' }
    ],
    [
      'forward-only: false moves it anyway',
      {
        current: B,
        expected: A,
        floating: LATEST,
        existingTags: ['2.0.0'],
        forwardOnly: false
      },
      { action: 'write', current: B }
    ],
    [
      'already at the digest wins over kept (a re-run of an older release that holds latest)',
      { current: A, expected: A, floating: LATEST, existingTags: ['2.0.0'] },
      { action: 'already there' }
    ],
    [
      'no newer release: the floating tag moves',
      { current: B, expected: A, floating: LATEST, existingTags: ['1.1.0', '1.0.0'] },
      { action: 'write', current: B }
    ]
  ])('%s', (_, more, decision) => {
    expect(decideTag(facts(more))).toEqual(decision)
  })
})

describe('mapLimited and allLimited', () => {
  test('never more than the limit at once, results in input order, every item run', async () => {
    let running = 0
    let peak = 0
    const settled = await mapLimited([30, 10, 20, 5, 15], 2, async (ms, i) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, ms))
      running--
      if (i === 1) throw new Error('second failed')
      return ms * 2
    })
    expect(peak).toBe(2)
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      60,
      'Error: second failed',
      40,
      10,
      30
    ])
  })

  test('allLimited throws the first failure in input order after all settled', async () => {
    const done: number[] = []
    await expect(
      allLimited([1, 2, 3], 3, async (n) => {
        await new Promise((r) => setTimeout(r, 10 * (4 - n)))
        done.push(n)
        if (n >= 2) throw new Error(`failed ${n}`)
      })
    ).rejects.toThrow('failed 2')
    expect(done.sort()).toEqual([1, 2, 3])
  })

  test('an empty list runs nothing', async () => {
    expect(await allLimited([], 4, async () => 1)).toEqual([])
  })
})

describe('tagWriteFailure', () => {
  const immutable = {
    code: 'TAG_INVALID',
    message: 'pushing manifest r/app:1 failed: TAG_INVALID (HTTP 400): the repository is immutable'
  }
  test.each<[string, unknown, string | undefined, string]>([
    [
      'immutable, with the holder known',
      immutable,
      A,
      `the repository is immutable and the tag 1 is already taken by ${A.slice(0, 19)}, another image: publish a new version, or make the repository mutable`
    ],
    [
      'immutable, holder unknown',
      immutable,
      undefined,
      'the repository is immutable and the tag 1 is already taken: publish a new version, or make the repository mutable'
    ],
    [
      'TAG_INVALID for another reason keeps the registry message',
      { code: 'TAG_INVALID', message: 'tag invalid: bad name' },
      undefined,
      'tag invalid: bad name'
    ],
    [
      'any other error',
      new Error('r could not be reached: ECONNRESET'),
      A,
      'r could not be reached: ECONNRESET'
    ],
    ['a thrown string', 'boom', undefined, 'boom']
  ])('%s', (_, error, current, text) => {
    expect(tagWriteFailure(error, '1', current)).toBe(text)
  })
})

describe('publishFailure', () => {
  const repository = { registry: 'r.test', path: 'acme/app', name: 'r.test/acme/app' }
  const row = (tag: string, status: TagResult['status'], detail?: string): TagResult => ({
    tag,
    reference: `r.test/acme/app:${tag}`,
    reasons: [],
    status,
    ...(detail ? { detail } : {})
  })
  const result = (tags: TagResult[]): PublishResult => ({
    digest: A,
    targets: [{ repository, digest: A, tags }]
  })

  test('undefined when every tag landed or was kept', () => {
    expect(
      publishFailure(
        result([row('1', 'pushed'), row('2', 'already there'), row('latest', 'kept', 'x')])
      )
    ).toBeUndefined()
  })

  test('names each failed tag with its reason, then what landed', () => {
    expect(
      publishFailure(
        result([row('1.0.0', 'pushed'), row('1', 'failed', 'DENIED'), row('latest', 'kept', 'x')])
      )
    ).toBe(
      [
        '1 of 3 tags did not land:',
        '  r.test/acme/app:1: DENIED',
        'landed (1): r.test/acme/app:1.0.0'
      ].join('\n')
    )
  })

  test('every tag landed but a referrer did not: says which, and that the tags stay', () => {
    const signed: PublishResult = {
      digest: A,
      targets: [
        {
          repository,
          digest: A,
          tags: [row('1.0.0', 'pushed')],
          referrers: [
            { digest: A, subject: A, kind: 'sbom', where: 'referrers API', status: 'copied' },
            {
              digest: A,
              subject: A,
              kind: 'signature',
              where: 'tag sha256-a.sig',
              status: 'failed',
              detail: 'DENIED'
            }
          ]
        }
      ]
    }
    expect(publishFailure(signed)).toBe(
      [
        'every tag landed, but 1 signature(s), attestation(s) or SBOM(s) did not:',
        `  signature ${A} on r.test/acme/app: DENIED`,
        'run the step again to copy them; the tags stay as they are'
      ].join('\n')
    )
  })
})
