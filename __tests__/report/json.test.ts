import { describe, expect, test } from '@jest/globals'
import type { PublishResult } from '../../src/push/results.js'
import { planJson, publishJson } from '../../src/report/json.js'
import {
  DENIED,
  DIGEST,
  KEPT,
  MIXED,
  NOTHING,
  OTHER_DIGEST,
  PLAN,
  SPLIT
} from './publish-fixture.js'

const HEAD = {
  push: true,
  source: 'acme/app:build',
  version: '1.1.1',
  labels: { 'org.opencontainers.image.version': '1.1.1' },
  annotations: ['manifest:org.opencontainers.image.version=1.1.1']
}
const WHY = ['semver: release v1.1.1']
const LATEST_WHY = ['latest: stable release v1.1.1']
const hub = (tag: string): string => `docker.io/acme/app:${tag}`
const ghcr = (tag: string): string => `ghcr.io/acme/app:${tag}`

describe('publishJson', () => {
  test.each<[string, PublishResult, object]>([
    [
      'tags holds only the verified references; each tag has its result',
      MIXED,
      {
        ...HEAD,
        tags: [hub('1.1.1'), hub('1.1'), hub('1'), ghcr('1.1.1'), ghcr('1')],
        'tag-names': ['1.1.1', '1'],
        digest: DIGEST,
        targets: [
          {
            repository: 'docker.io/acme/app',
            registry: 'docker.io',
            digest: DIGEST,
            tags: [
              {
                tag: '1.1.1',
                reference: hub('1.1.1'),
                reasons: WHY,
                result: 'pushed',
                digest: DIGEST
              },
              { tag: '1.1', reference: hub('1.1'), reasons: WHY, result: 'pushed', digest: DIGEST },
              {
                tag: '1',
                reference: hub('1'),
                reasons: WHY,
                result: 'already there',
                digest: DIGEST
              },
              {
                tag: 'latest',
                reference: hub('latest'),
                reasons: LATEST_WHY,
                result: 'kept',
                detail: KEPT
              }
            ]
          },
          {
            repository: 'ghcr.io/acme/app',
            registry: 'ghcr.io',
            digest: DIGEST,
            tags: [
              {
                tag: '1.1.1',
                reference: ghcr('1.1.1'),
                reasons: WHY,
                result: 'pushed',
                digest: DIGEST
              },
              {
                tag: '1.1',
                reference: ghcr('1.1'),
                reasons: WHY,
                result: 'failed',
                detail: DENIED
              },
              { tag: '1', reference: ghcr('1'), reasons: WHY, result: 'pushed', digest: DIGEST },
              {
                tag: 'latest',
                reference: ghcr('latest'),
                reasons: LATEST_WHY,
                result: 'kept',
                detail: KEPT
              }
            ]
          }
        ],
        warnings: []
      }
    ],
    [
      'each target gives the digest it holds',
      SPLIT,
      {
        ...HEAD,
        tags: [hub('1.1.1'), ghcr('1.1.1')],
        'tag-names': ['1.1.1'],
        digest: DIGEST,
        targets: [
          {
            repository: 'docker.io/acme/app',
            registry: 'docker.io',
            digest: DIGEST,
            tags: [
              {
                tag: '1.1.1',
                reference: hub('1.1.1'),
                reasons: WHY,
                result: 'pushed',
                digest: DIGEST
              }
            ]
          },
          {
            repository: 'ghcr.io/acme/app',
            registry: 'ghcr.io',
            digest: OTHER_DIGEST,
            tags: [
              {
                tag: '1.1.1',
                reference: ghcr('1.1.1'),
                reasons: WHY,
                result: 'pushed',
                digest: OTHER_DIGEST
              }
            ]
          }
        ],
        warnings: []
      }
    ],
    [
      'nothing landed: no tags, no digest',
      NOTHING,
      {
        ...HEAD,
        tags: [],
        'tag-names': [],
        digest: '',
        targets: [
          {
            repository: 'docker.io/acme/app',
            registry: 'docker.io',
            tags: [
              {
                tag: '1.1.1',
                reference: hub('1.1.1'),
                reasons: WHY,
                result: 'failed',
                detail: 'the content could not be pushed: timeout'
              }
            ]
          }
        ],
        warnings: []
      }
    ]
  ])('%s', (_why, result, expected) => {
    expect(publishJson(PLAN, result)).toEqual(expected)
  })
})

describe('planJson keeps the plan-only shape', () => {
  test('every planned reference, no digest, every tag planned', () => {
    const plan = { ...PLAN, push: false, targets: PLAN.targets.slice(0, 1), warnings: ['w'] }
    expect(planJson(plan)).toEqual({
      ...HEAD,
      push: false,
      tags: [hub('1.1.1'), hub('1.1'), hub('1'), hub('latest')],
      'tag-names': ['1.1.1', '1.1', '1', 'latest'],
      digest: '',
      targets: [
        {
          repository: 'docker.io/acme/app',
          registry: 'docker.io',
          tags: [
            { tag: '1.1.1', reference: hub('1.1.1'), reasons: WHY, result: 'planned' },
            { tag: '1.1', reference: hub('1.1'), reasons: WHY, result: 'planned' },
            { tag: '1', reference: hub('1'), reasons: WHY, result: 'planned' },
            { tag: 'latest', reference: hub('latest'), reasons: LATEST_WHY, result: 'planned' }
          ]
        }
      ],
      warnings: ['w']
    })
  })
})
