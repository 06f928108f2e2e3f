import { describe, expect, test } from '@jest/globals'
import type { PreviewResult, PreviewTarget } from '../../src/push/preview-result.js'
import { previewFailure, previewTally } from '../../src/push/preview-result.js'
import type { Repository } from '../../src/registry/reference.js'
import { previewJson } from '../../src/report/json.js'
import { previewSummary, previewText } from '../../src/report/preview.js'
import { PLAN } from './publish-fixture.js'

const OLD = `sha256:${'1'.repeat(64)}`
const NEW = `sha256:${'2'.repeat(64)}`
const V2 = `sha256:${'3'.repeat(64)}`
const SIG = `sha256:${'4'.repeat(64)}`
const IMAGE_ID = `sha256:${'5'.repeat(64)}`
const [o, n, v2] = [OLD, NEW, V2].map((d) => d.slice(0, 19))

const repo = (registry: string, path: string): Repository => ({
  registry,
  path,
  name: `${registry}/${path}`
})
const HUB = repo('docker.io', 'acme/app')
const MIRROR = repo('docker.io', 'acme/mirror')
const GHCR = repo('ghcr.io', 'acme/app')
const reasons = (tag: string) =>
  tag === 'latest' ? ['latest: stable release v1.1.1'] : ['semver: release v1.1.1']
const tag = (
  r: Repository,
  name: string,
  rest: Omit<PreviewTarget['tags'][number], 'tag' | 'reference' | 'reasons'>
) => ({
  tag: name,
  reference: `${r.name}:${name}`,
  reasons: reasons(name),
  ...rest
})
const DENIED =
  "the credentials may read acme/app but not push (the registry's token grants pull): give the token packages: write"
const GRANTED = {
  status: 'granted',
  detail: "the registry's token grants pull, push on acme/app"
} as const

/** Hotfix 1.1.1 after 2.0.0 to two Docker Hub repositories and GHCR, whose token may only pull. */
const RESULT: PreviewResult = {
  digest: NEW,
  targets: [
    {
      repository: HUB,
      permission: GRANTED,
      content: {
        kind: 'copy',
        blobsUploaded: 2,
        bytesUploaded: 3 * 1024 * 1024,
        blobsMounted: 0,
        blobsPresent: 1,
        manifestsWritten: 0,
        manifestsPresent: 0
      },
      tags: [
        tag(HUB, '1.1.1', { action: 'create', to: NEW }),
        tag(HUB, '1.1', { action: 'update', from: OLD, to: NEW }),
        tag(HUB, '1', { action: 'unchanged', from: NEW, to: NEW }),
        tag(HUB, 'latest', {
          action: 'kept',
          from: V2,
          to: NEW,
          reason: 'newer version 2.0.0 holds it'
        })
      ],
      referrers: [{ digest: SIG, subject: NEW, kind: 'signature', action: 'copy' }]
    },
    {
      repository: MIRROR,
      permission: { status: 'unknown', detail: "the registry's token is opaque" },
      note: 'no tags yet',
      content: { kind: 'none', why: 'nothing to copy: no tag needs writing' },
      tags: [tag(MIRROR, '1.1.1', { action: 'unchanged', from: NEW, to: NEW })],
      referrers: [{ digest: SIG, subject: NEW, kind: 'signature', action: 'already there' }]
    },
    {
      repository: GHCR,
      permission: { status: 'denied', detail: DENIED },
      content: {
        kind: 'copy',
        blobsUploaded: 0,
        bytesUploaded: 0,
        blobsMounted: 0,
        blobsPresent: 3,
        manifestsWritten: 1,
        manifestsPresent: 0
      },
      tags: [tag(GHCR, '1.1.1', { action: 'blocked', to: NEW, reason: DENIED })]
    }
  ],
  platforms: { kept: ['linux/amd64'], dropped: ['linux/arm64'], sourceDigest: OLD }
}

/** A local image no target holds yet: the digest is known once docker pushes. */
const LOCAL: PreviewResult = {
  digest: '',
  localImage: IMAGE_ID,
  targets: [
    {
      repository: GHCR,
      permission: GRANTED,
      content: { kind: 'docker push' },
      tags: [
        tag(GHCR, '1.1.1', { action: 'create' }),
        tag(GHCR, 'latest', { action: 'update', from: OLD })
      ]
    }
  ]
}

describe('previewText', () => {
  test.each<[string, PreviewResult, string[]]>([
    [
      'per registry its targets, then one aligned table; platforms; the tally',
      RESULT,
      [
        'preview: nothing was written',
        `digest: ${NEW}`,
        'registry docker.io',
        '  acme/app',
        "    push: granted (the registry's token grants pull, push on acme/app)",
        '    content: blobs: 2 to upload (3.0 MiB), 0 to mount, 1 already there; manifests: 0 to write, 0 already there',
        '    referrers: 1 signature to copy',
        '  acme/mirror',
        "    push: unknown (the registry's token is opaque)",
        '    repository: no tags yet',
        '    content: nothing to copy: no tag needs writing',
        '    referrers: 1 signature already there',
        '  TAG                ACTION     FROM                 TO                   WHY',
        `  acme/app:1.1.1     create     -                    ${n}`,
        `  acme/app:1.1       update     ${o}  ${n}`,
        `  acme/app:1         unchanged  ${n}  ${n}`,
        `  acme/app:latest    kept       ${v2}  ${n}  newer version 2.0.0 holds it`,
        `  acme/mirror:1.1.1  unchanged  ${n}  ${n}`,
        'registry ghcr.io',
        '  acme/app',
        `    push: denied (${DENIED})`,
        '    content: blobs: 0 to upload (0 B), 0 to mount, 3 already there; manifests: 1 to write, 0 already there',
        '  TAG             ACTION   FROM  TO                   WHY',
        `  acme/app:1.1.1  blocked  -     ${n}  ${DENIED}`,
        `platforms: linux/amd64 (dropped linux/arm64; the source is ${OLD})`,
        '6 tags on 3 targets: 1 create, 1 update, 2 unchanged, 1 kept, 1 blocked'
      ]
    ],
    [
      'a local image: the digest is unknown until it is compressed and pushed, and said so',
      LOCAL,
      [
        'preview: nothing was written',
        `digest: unknown until the local image ${IMAGE_ID} is compressed and pushed`,
        'registry ghcr.io',
        '  acme/app',
        "    push: granted (the registry's token grants pull, push on acme/app)",
        '    content: docker push sends the layers the registry lacks (how many is known only as it pushes)',
        '  TAG              ACTION  FROM                 TO                               WHY',
        `  acme/app:1.1.1   create  -                    local image ${IMAGE_ID.slice(0, 19)}`,
        `  acme/app:latest  update  ${o}  local image ${IMAGE_ID.slice(0, 19)}`,
        '2 tags on 1 target: 1 create, 1 update'
      ]
    ]
  ])('%s', (_why, result, expected) => {
    expect(previewText(result)).toBe(`${expected.join('\n')}\n`)
  })
})

describe('previewSummary', () => {
  test('one table per registry: Tag | Action | From | To | Why', () => {
    expect(previewSummary(PLAN, RESULT)).toBe(
      [
        '## tagship preview: 1.1.1',
        '',
        'Preview (`push: preview`): every registry was read, and nothing was written.',
        '',
        'Source: `acme/app:build`',
        '',
        `Digest: \`${NEW}\``,
        '',
        '### `docker.io`',
        '',
        "- `acme/app`: push: granted (the registry's token grants pull, push on acme/app); content: blobs: 2 to upload (3.0 MiB), 0 to mount, 1 already there; manifests: 0 to write, 0 already there; referrers: 1 signature to copy",
        "- `acme/mirror`: push: unknown (the registry's token is opaque); repository: no tags yet; content: nothing to copy: no tag needs writing; referrers: 1 signature already there",
        '',
        '| Tag | Action | From | To | Why |',
        '| --- | --- | --- | --- | --- |',
        `| \`acme/app:1.1.1\` | create |  | \`${n}\` |  |`,
        `| \`acme/app:1.1\` | update | \`${o}\` | \`${n}\` |  |`,
        `| \`acme/app:1\` | unchanged | \`${n}\` | \`${n}\` |  |`,
        `| \`acme/app:latest\` | kept | \`${v2}\` | \`${n}\` | newer version 2.0.0 holds it |`,
        `| \`acme/mirror:1.1.1\` | unchanged | \`${n}\` | \`${n}\` |  |`,
        '',
        '### `ghcr.io`',
        '',
        `- \`acme/app\`: push: denied (${DENIED}); content: blobs: 0 to upload (0 B), 0 to mount, 3 already there; manifests: 1 to write, 0 already there`,
        '',
        '| Tag | Action | From | To | Why |',
        '| --- | --- | --- | --- | --- |',
        `| \`acme/app:1.1.1\` | blocked |  | \`${n}\` | ${DENIED} |`,
        '',
        `Platforms: \`linux/amd64\` (dropped \`linux/arm64\`: a new index, not the source's \`${OLD}\`)`,
        '',
        '**6 tags on 3 targets: 1 create, 1 update, 2 unchanged, 1 kept, 1 blocked**',
        ''
      ].join('\n')
    )
  })

  test('a local image, and the plan warnings', () => {
    const plan = { ...PLAN, warnings: ['a | warning'] }
    const text = previewSummary(plan, LOCAL)
    expect(text).toContain(
      `Digest: unknown until the local image ${IMAGE_ID} is compressed and pushed\n`
    )
    expect(text).toContain(
      `| \`acme/app:latest\` | update | \`${o}\` | local image ${IMAGE_ID.slice(0, 19)} |  |\n`
    )
    expect(text.endsWith('\n\n> **Warning:** a \\| warning\n')).toBe(true)
  })
})

describe('previewJson', () => {
  test('the publish json shape: nothing published, per tag action, from, to, reason', () => {
    const json = previewJson(PLAN, RESULT) as Record<string, unknown>
    expect({ ...json, targets: undefined }).toEqual({
      push: true,
      source: 'acme/app:build',
      version: '1.1.1',
      tags: [],
      'tag-names': [],
      digest: NEW,
      labels: PLAN.labels,
      annotations: PLAN.annotations,
      preview: true,
      targets: undefined,
      platforms: RESULT.platforms,
      warnings: []
    })
    const targets = json.targets as Record<string, unknown>[]
    expect(targets.map((t) => [t.repository, t.registry, t.permission, t.note])).toEqual([
      ['docker.io/acme/app', 'docker.io', GRANTED, undefined],
      ['docker.io/acme/mirror', 'docker.io', RESULT.targets[1]!.permission, 'no tags yet'],
      ['ghcr.io/acme/app', 'ghcr.io', RESULT.targets[2]!.permission, undefined]
    ])
    expect(targets[0]!.tags).toEqual([
      {
        tag: '1.1.1',
        reference: 'docker.io/acme/app:1.1.1',
        reasons: reasons('1.1.1'),
        action: 'create',
        to: NEW
      },
      {
        tag: '1.1',
        reference: 'docker.io/acme/app:1.1',
        reasons: reasons('1.1'),
        action: 'update',
        from: OLD,
        to: NEW
      },
      {
        tag: '1',
        reference: 'docker.io/acme/app:1',
        reasons: reasons('1'),
        action: 'unchanged',
        from: NEW,
        to: NEW
      },
      {
        tag: 'latest',
        reference: 'docker.io/acme/app:latest',
        reasons: reasons('latest'),
        action: 'kept',
        from: V2,
        to: NEW,
        reason: 'newer version 2.0.0 holds it'
      }
    ])
    expect(targets.map((t) => [t.content, t.referrers])).toEqual(
      RESULT.targets.map((t) => [t.content, t.referrers])
    )
  })

  test('a local image: no digest, the image ID, no `to`', () => {
    const json = previewJson(PLAN, LOCAL) as {
      digest: string
      'local-image': string
      targets: { tags: object[] }[]
    }
    expect([json.digest, json['local-image']]).toEqual(['', IMAGE_ID])
    expect(json.targets[0]!.tags).toEqual([
      {
        tag: '1.1.1',
        reference: 'ghcr.io/acme/app:1.1.1',
        reasons: reasons('1.1.1'),
        action: 'create'
      },
      {
        tag: 'latest',
        reference: 'ghcr.io/acme/app:latest',
        reasons: reasons('latest'),
        action: 'update',
        from: OLD
      }
    ])
  })
})

describe('the tally and the failure line', () => {
  test.each<[string, PreviewResult, string, string | undefined]>([
    [
      'a blocked tag fails the preview, naming it',
      RESULT,
      '6 tags on 3 targets: 1 create, 1 update, 2 unchanged, 1 kept, 1 blocked',
      'the release would not land 1 tag: ghcr.io/acme/app:1.1.1 (blocked: see the preview for why and the fix)'
    ],
    ['nothing blocked passes', LOCAL, '2 tags on 1 target: 1 create, 1 update', undefined],
    ['no target', { digest: '', targets: [] }, '0 tags on 0 targets', undefined]
  ])('%s', (_why, result, tally, failure) => {
    expect([previewTally(result), previewFailure(result)]).toEqual([tally, failure])
  })
})
