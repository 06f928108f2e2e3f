import { describe, expect, test } from '@jest/globals'
import { PR_HEAD_SHA, PR_MERGE_SHA, SHA } from '../../__fixtures__/runner.js'
import { lines, runCli } from './run-cli.js'

const EVENT = ['--sha', SHA, '--image', 'docker.io/acme/app']

describe('tagship plan, from flags alone', () => {
  test('a stable release tag gives the full, minor and major versions, sha and latest', async () => {
    expect(await runCli(['plan', '--ref', 'refs/tags/v1.2.3', ...EVENT])).toEqual({
      code: 0,
      stdout: lines(
        'version: 1.2.3',
        'docker.io/acme/app',
        '  1.2.3        semver: release v1.2.3',
        '  1.2          semver: release v1.2.3',
        '  1            semver: release v1.2.3',
        '  sha-860c190  sha: commit 860c1904a1ce',
        '  latest       latest: stable release v1.2.3'
      ),
      stderr: ''
    })
  })

  test('a prerelease gives its version, channel and staging, and never latest', async () => {
    expect(await runCli(['plan', '--ref', 'refs/tags/v2.0.0-rc.1', ...EVENT])).toEqual({
      code: 0,
      stdout: lines(
        'version: 2.0.0-rc.1',
        'docker.io/acme/app',
        '  2.0.0-rc.1   semver: release v2.0.0-rc.1',
        '  rc           staging: prerelease v2.0.0-rc.1 (channel rc)',
        '  staging      staging: prerelease v2.0.0-rc.1',
        '  sha-860c190  sha: commit 860c1904a1ce'
      ),
      stderr: ''
    })
  })

  test('with no --image the plan is the bare tags, as metadata-action gives them', async () => {
    const run = await runCli(['plan', '--ref', 'refs/tags/v1.2.3', '--sha', SHA])
    expect(run).toEqual({
      code: 0,
      stdout: lines(
        'version: 1.2.3',
        '(no image: the bare tags)',
        '  1.2.3        semver: release v1.2.3',
        '  1.2          semver: release v1.2.3',
        '  1            semver: release v1.2.3',
        '  sha-860c190  sha: commit 860c1904a1ce',
        '  latest       latest: stable release v1.2.3'
      ),
      stderr: ''
    })
    const json = JSON.parse(
      (await runCli(['plan', '--ref', 'refs/tags/v1.2.3', '--sha', SHA, '--json'])).stdout
    ) as { tags: string[]; targets: unknown[] }
    expect(json.tags).toEqual(['1.2.3', '1.2', '1', 'sha-860c190', 'latest'])
    expect(json.targets).toEqual([])
  })

  test('a push to the default branch gives dev', async () => {
    const run = await runCli([
      'plan',
      '--ref',
      'refs/heads/main',
      '--default-branch',
      'main',
      ...EVENT
    ])
    expect(run).toEqual({
      code: 0,
      stdout: lines(
        'version: dev',
        'docker.io/acme/app',
        '  dev          dev: push to development branch main',
        '  sha-860c190  sha: commit 860c1904a1ce'
      ),
      stderr: ''
    })
  })

  test('a push to a branch not known as the default gives the sha only', async () => {
    expect((await runCli(['plan', '--ref', 'refs/heads/main', ...EVENT])).stdout).toBe(
      lines('version: sha-860c190', 'docker.io/acme/app', '  sha-860c190  sha: commit 860c1904a1ce')
    )
  })

  test('--pr-number makes a pull request on refs/pull/<n>/merge, tagged by its head commit', async () => {
    const run = await runCli([
      'plan',
      '--pr-number',
      '15',
      '--pr-head-sha',
      PR_HEAD_SHA,
      '--sha',
      PR_MERGE_SHA,
      '--image',
      'ghcr.io/acme/app',
      '--strategies',
      'pr,sha'
    ])
    expect(run).toEqual({
      code: 0,
      stdout: lines(
        'version: pr-15',
        'ghcr.io/acme/app',
        '  pr-15        pr: pull request #15',
        '  sha-5e7c3f1  sha: pull request head commit 5e7c3f1c6a0d'
      ),
      stderr: ''
    })
  })

  test('without --pr-head-sha a pull request is tagged by the merge commit', async () => {
    const run = await runCli([
      'plan',
      '--pr-number',
      '15',
      '--sha',
      PR_MERGE_SHA,
      '--image',
      'acme/app'
    ])
    expect(run.stdout).toBe(
      lines('version: sha-a1b2c3d', 'docker.io/acme/app', '  sha-a1b2c3d  sha: commit a1b2c3d4e5f6')
    )
  })

  test('--image and --tags may be repeated; --images adds to --image', async () => {
    const run = await runCli([
      'plan',
      '--ref',
      'refs/tags/v2.0.0',
      '--sha',
      SHA,
      '--images',
      'docker.io/acme/app',
      '--image',
      'ghcr.io/acme/app',
      '--image',
      'acme.azurecr.io/app',
      '--tags',
      'type=semver,pattern={{major}}.{{minor}}',
      '--tags',
      'type=sha,prefix='
    ])
    const targetLines = (name: string): string[] => [
      name,
      '  2.0      tags line 1: type=semver, semver v2.0.0',
      '  860c190  tags line 2: type=sha, commit 860c1904a1ce',
      '  latest   flavor latest=auto, tags line 1: semver v2.0.0'
    ]
    expect(run).toEqual({
      code: 0,
      stdout: lines(
        'version: 2.0',
        ...targetLines('docker.io/acme/app'),
        ...targetLines('ghcr.io/acme/app'),
        ...targetLines('acme.azurecr.io/app')
      ),
      stderr: ''
    })
  })

  test('--strategies chooses the strategies, comma separated or repeated', async () => {
    const argv = ['plan', '--ref', 'refs/heads/feature/login#42', ...EVENT]
    const expected = lines(
      'version: feature-login-42',
      'docker.io/acme/app',
      '  feature-login-42  branch: push to branch feature/login#42',
      '  sha-860c190       sha: commit 860c1904a1ce'
    )
    expect((await runCli([...argv, '--strategies', 'branch,sha'])).stdout).toBe(expected)
    expect((await runCli([...argv, '--strategies', 'branch', '--strategies', 'sha'])).stdout).toBe(
      expected
    )
    expect((await runCli([...argv, '--strategies', 'semver'])).stdout).toBe(
      lines(
        'version: (none)',
        'docker.io/acme/app',
        '  (no tags)',
        'warning: no strategy or rule gives a tag for this event (push on refs/heads/feature/login#42): nothing to publish'
      )
    )
  })

  test('--json prints the whole plan as the action json output', async () => {
    const run = await runCli([
      'plan',
      '--ref',
      'refs/tags/v1.2.3',
      '--sha',
      SHA,
      '--image',
      'docker.io/acme/app',
      '--image',
      'ghcr.io/acme/app',
      '--source',
      'acme/app:build',
      '--strategies',
      'semver',
      '--json'
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout.endsWith('}\n')).toBe(true)
    const why = ['semver: release v1.2.3']
    const tags = (repo: string) =>
      ['1.2.3', '1.2', '1'].map((tag) => ({
        tag,
        reference: `${repo}:${tag}`,
        reasons: why,
        result: 'planned'
      }))
    expect(JSON.parse(run.stdout)).toEqual({
      push: false,
      source: 'acme/app:build',
      version: '1.2.3',
      'tag-names': ['1.2.3', '1.2', '1'],
      tags: [
        'docker.io/acme/app:1.2.3',
        'docker.io/acme/app:1.2',
        'docker.io/acme/app:1',
        'ghcr.io/acme/app:1.2.3',
        'ghcr.io/acme/app:1.2',
        'ghcr.io/acme/app:1'
      ],
      digest: '',
      labels: {
        'org.opencontainers.image.created': '2026-11-23T08:30:00.000Z',
        'org.opencontainers.image.revision': SHA,
        'org.opencontainers.image.version': '1.2.3'
      },
      annotations: [
        'manifest:org.opencontainers.image.created=2026-11-23T08:30:00.000Z',
        `manifest:org.opencontainers.image.revision=${SHA}`,
        'manifest:org.opencontainers.image.version=1.2.3'
      ],
      targets: [
        {
          repository: 'docker.io/acme/app',
          registry: 'docker.io',
          tags: tags('docker.io/acme/app')
        },
        { repository: 'ghcr.io/acme/app', registry: 'ghcr.io', tags: tags('ghcr.io/acme/app') }
      ],
      warnings: []
    })
  })

  test('--now sets the run time for dated tags and the created label', async () => {
    const run = await runCli([
      'plan',
      '--event',
      'schedule',
      '--ref',
      'refs/heads/main',
      '--now',
      '2026-12-31T23:59:59Z',
      '--strategies',
      'nightly',
      '--json',
      ...EVENT
    ])
    const plan = JSON.parse(run.stdout) as { tags: string[]; labels: Record<string, string> }
    expect(plan.tags).toEqual(['docker.io/acme/app:nightly', 'docker.io/acme/app:nightly-20261231'])
    expect(plan.labels['org.opencontainers.image.created']).toBe('2026-12-31T23:59:59.000Z')
  })
})

describe("docker/metadata-action's annotation levels variable", () => {
  const argv = [
    'plan',
    '--ref',
    'refs/tags/v1.2.3',
    ...EVENT,
    '--json',
    '--now',
    '2026-11-23T08:30:00Z'
  ]
  const annotations = async (env: Record<string, string>): Promise<unknown> =>
    (JSON.parse((await runCli(argv, env)).stdout) as { annotations: unknown }).annotations

  test('writes the computed annotations at each level it names, manifest by default', async () => {
    const keys = ['created=2026-11-23T08:30:00.000Z', `revision=${SHA}`, 'version=1.2.3'].map(
      (k) => `org.opencontainers.image.${k}`
    )
    expect(await annotations({})).toEqual(keys.map((k) => `manifest:${k}`))
    expect(await annotations({ DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,index' })).toEqual([
      ...keys.map((k) => `manifest:${k}`),
      ...keys.map((k) => `index:${k}`)
    ])
  })

  test('a bad level is one error naming the variable', async () => {
    const run = await runCli(argv, { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifests' })
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toMatch(
      /^tagship: DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifests"/
    )
  })
})
