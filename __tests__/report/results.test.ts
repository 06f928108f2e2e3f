import { describe, expect, test } from '@jest/globals'
import {
  countStatuses,
  failedTags,
  statusText,
  tallyLine,
  verifiedReferences,
  type PublishResult,
  type TagResult
} from '../../src/push/results.js'
import { HUB, MIXED, NOTHING, SPLIT, tagResult } from './publish-fixture.js'

describe('statusText', () => {
  test.each<[TagResult, string]>([
    [tagResult(HUB, '1', 'pushed'), 'pushed'],
    [tagResult(HUB, '1', 'already there'), 'already there'],
    [
      tagResult(HUB, 'latest', 'kept', 'newer version 2.0.0 holds it'),
      'kept (newer version 2.0.0 holds it)'
    ],
    [tagResult(HUB, 'latest', 'kept'), 'kept (newer version holds it)'],
    [tagResult(HUB, '1', 'failed', 'denied'), 'failed: denied'],
    [tagResult(HUB, '1', 'failed'), 'failed']
  ])('%j reads %j', (r, expected) => {
    expect(statusText(r)).toBe(expected)
  })
})

describe('tallies', () => {
  test.each<[string, PublishResult, string]>([
    ['mixed', MIXED, '8 tags on 2 targets: 4 pushed, 1 already there, 2 kept, 1 failed'],
    ['split', SPLIT, '2 tags on 2 targets: 2 pushed'],
    ['nothing', NOTHING, '1 tag on 1 target: 1 failed'],
    ['no targets', { digest: '', targets: [] }, '0 tags on 0 targets']
  ])('%s', (_why, result, expected) => {
    expect(tallyLine(result)).toBe(expected)
  })

  test('counts every status', () => {
    expect(countStatuses(MIXED)).toEqual({ pushed: 4, 'already there': 1, kept: 2, failed: 1 })
  })
})

describe('references', () => {
  test.each<[string, PublishResult, string[]]>([
    [
      'pushed and already there, target by target',
      MIXED,
      [
        'docker.io/acme/app:1.1.1',
        'docker.io/acme/app:1.1',
        'docker.io/acme/app:1',
        'ghcr.io/acme/app:1.1.1',
        'ghcr.io/acme/app:1'
      ]
    ],
    ['nothing landed', NOTHING, []]
  ])('verified: %s', (_why, result, expected) => {
    expect(verifiedReferences(result)).toEqual(expected)
  })

  test('failed tags', () => {
    expect(failedTags(MIXED).map((r) => r.reference)).toEqual(['ghcr.io/acme/app:1.1'])
  })
})
