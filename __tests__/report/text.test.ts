import { describe, expect, test } from '@jest/globals'
import type { PublishResult } from '../../src/push/results.js'
import { publishText } from '../../src/report/text.js'
import { DIGEST, MIXED, NOTHING, OTHER_DIGEST, SIGNED, SPLIT } from './publish-fixture.js'

const lines = (...l: string[]): string => `${l.join('\n')}\n`

describe('publishText', () => {
  test.each<[string, PublishResult, string]>([
    [
      'every status, with the kept version and the failure reason',
      MIXED,
      lines(
        `digest: ${DIGEST}`,
        'docker.io/acme/app',
        '  1.1.1   pushed',
        '  1.1     pushed',
        '  1       already there',
        '  latest  kept (newer version 2.0.0 holds it)',
        'ghcr.io/acme/app',
        '  1.1.1   pushed',
        '  1.1     failed: denied: requested access to the resource is denied (ghcr.io/acme/app:1.1)',
        '  1       pushed',
        '  latest  kept (newer version 2.0.0 holds it)',
        '8 tags on 2 targets: 4 pushed, 1 already there, 2 kept, 1 failed'
      )
    ],
    [
      'a target holding another digest says so',
      SPLIT,
      lines(
        `digest: ${DIGEST}`,
        'docker.io/acme/app',
        '  1.1.1  pushed',
        `ghcr.io/acme/app (digest ${OTHER_DIGEST})`,
        '  1.1.1  pushed',
        '2 tags on 2 targets: 2 pushed'
      )
    ],
    [
      'referrers per target, and what the platform filter kept',
      SIGNED,
      lines(
        `digest: ${DIGEST}`,
        'docker.io/acme/app',
        '  1.1.1  pushed',
        '  referrers: copied 1 signature, 1 attestation; 1 already there',
        'ghcr.io/acme/app',
        '  1.1.1  pushed',
        '  referrers: 1 kept; 1 failed',
        `platforms: linux/amd64, linux/arm64 (dropped linux/s390x; the source was ${OTHER_DIGEST})`,
        '2 tags on 2 targets: 2 pushed'
      )
    ],
    [
      'nothing landed',
      NOTHING,
      lines(
        'digest: (none)',
        'docker.io/acme/app',
        '  1.1.1  failed: the content could not be pushed: timeout',
        '1 tag on 1 target: 1 failed'
      )
    ],
    [
      'a target without tags',
      { digest: '', targets: [{ repository: MIXED.targets[0]!.repository, tags: [] }] },
      lines('digest: (none)', 'docker.io/acme/app', '  (no tags)', '0 tags on 1 target')
    ]
  ])('%s', (_why, result, expected) => {
    expect(publishText(result)).toBe(expected)
  })
})
