import { describe, expect, test } from '@jest/globals'
import type { Plan } from '../../src/push/plan.js'
import type { PublishResult } from '../../src/push/results.js'
import { planSummary, publishSummary } from '../../src/report/summary.js'
import {
  ATT,
  DIGEST,
  MIXED,
  NOTHING,
  OTHER_DIGEST,
  PLAN,
  SIGNED,
  SPLIT
} from './publish-fixture.js'

const lines = (...l: string[]): string => `${l.join('\n')}\n`
const TABLE = ['| Target | Tag | Result | Why |', '| --- | --- | --- | --- |']
const WHY = 'semver: release v1.1.1'
const LATEST_WHY = 'latest: stable release v1.1.1'

describe('publishSummary', () => {
  test.each<[string, Plan, PublishResult, string]>([
    [
      'the table gains a Result column; kept tags name the newer version; failures are listed',
      PLAN,
      MIXED,
      lines(
        '## tagship publish: 1.1.1',
        '',
        'Source: `acme/app:build`',
        '',
        `Digest: \`${DIGEST}\``,
        '',
        ...TABLE,
        `| \`docker.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`1.1\` | pushed | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`1\` | already there | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`latest\` | kept (newer version 2.0.0 holds it) | ${LATEST_WHY} |`,
        `| \`ghcr.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        `| \`ghcr.io/acme/app\` | \`1.1\` | failed | ${WHY} |`,
        `| \`ghcr.io/acme/app\` | \`1\` | pushed | ${WHY} |`,
        `| \`ghcr.io/acme/app\` | \`latest\` | kept (newer version 2.0.0 holds it) | ${LATEST_WHY} |`,
        '',
        '**8 tags on 2 targets: 4 pushed, 1 already there, 2 kept, 1 failed**',
        '',
        '### Failed',
        '',
        '- `ghcr.io/acme/app:1.1`: denied: requested access to the resource is denied (ghcr.io/acme/app:1.1)'
      )
    ],
    [
      'a target holding another digest is named; warnings close the summary',
      { ...PLAN, source: undefined, warnings: ['a | pipe'] } as Plan,
      SPLIT,
      lines(
        '## tagship publish: 1.1.1',
        '',
        `Digest: \`${DIGEST}\``,
        `Digest on \`ghcr.io/acme/app\`: \`${OTHER_DIGEST}\``,
        '',
        ...TABLE,
        `| \`docker.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        `| \`ghcr.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        '',
        '**2 tags on 2 targets: 2 pushed**',
        '',
        '> **Warning:** a \\| pipe'
      )
    ],
    [
      'referrers per target, the platform choice, and a referrer that failed',
      { ...PLAN, source: undefined, targets: [] } as Plan,
      SIGNED,
      lines(
        '## tagship publish: 1.1.1',
        '',
        `Digest: \`${DIGEST}\``,
        '',
        ...TABLE,
        `| \`docker.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        `| \`ghcr.io/acme/app\` | \`1.1.1\` | pushed | ${WHY} |`,
        '',
        '**2 tags on 2 targets: 2 pushed**',
        '',
        '| Target | Signatures, attestations, SBOMs |',
        '| --- | --- |',
        '| `docker.io/acme/app` | copied 1 signature, 1 attestation; 1 already there |',
        '| `ghcr.io/acme/app` | 1 kept; 1 failed |',
        '',
        `Platforms: \`linux/amd64\`, \`linux/arm64\` (dropped \`linux/s390x\`: a new index, not the source's \`${OTHER_DIGEST}\`)`,
        '',
        '### Failed',
        '',
        `- attestation \`${ATT}\` on \`ghcr.io/acme/app\`: denied`
      )
    ],
    [
      'nothing landed',
      PLAN,
      NOTHING,
      lines(
        '## tagship publish: 1.1.1',
        '',
        'Source: `acme/app:build`',
        '',
        'Digest: none (nothing landed)',
        '',
        ...TABLE,
        `| \`docker.io/acme/app\` | \`1.1.1\` | failed | ${WHY} |`,
        '',
        '**1 tag on 1 target: 1 failed**',
        '',
        '### Failed',
        '',
        '- `docker.io/acme/app:1.1.1`: the content could not be pushed: timeout'
      )
    ],
    [
      'no tags at all',
      { ...PLAN, version: '', source: undefined } as Plan,
      { digest: '', targets: [] },
      lines(
        '## tagship publish',
        '',
        'Digest: none (nothing landed)',
        '',
        'No tags: no strategy or rule applies to this event.'
      )
    ]
  ])('%s', (_why, plan, result, expected) => {
    expect(publishSummary(plan, result)).toBe(expected)
  })
})

describe('planSummary is unchanged', () => {
  test('plan only: the Why table without results', () => {
    const plan = { ...PLAN, push: false, targets: PLAN.targets.slice(0, 1) }
    expect(planSummary(plan)).toBe(
      lines(
        '## tagship plan: 1.1.1',
        '',
        'Plan only (`push: false`): nothing was pushed.',
        '',
        'Source: `acme/app:build`',
        '',
        '| Target | Tag | Why |',
        '| --- | --- | --- |',
        `| \`docker.io/acme/app\` | \`1.1.1\` | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`1.1\` | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`1\` | ${WHY} |`,
        `| \`docker.io/acme/app\` | \`latest\` | ${LATEST_WHY} |`
      )
    )
  })

  test('no image: the bare tags, with why', () => {
    const plan = { ...PLAN, push: false, targets: [] }
    expect(planSummary(plan)).toBe(
      lines(
        '## tagship plan: 1.1.1',
        '',
        'Plan only (`push: false`): nothing was pushed.',
        '',
        'Source: `acme/app:build`',
        '',
        'No image: the bare tags.',
        '',
        '| Tag | Why |',
        '| --- | --- |',
        `| \`1.1.1\` | ${WHY} |`,
        `| \`1.1\` | ${WHY} |`,
        `| \`1\` | ${WHY} |`,
        `| \`latest\` | ${LATEST_WHY} |`
      )
    )
  })
})
