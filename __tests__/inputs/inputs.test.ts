import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { DEFAULT_FLAVOR } from '../../src/tags/rules/flavor.js'
import { DEFAULT_STRATEGY_OPTIONS } from '../../src/tags/strategies/options.js'

const BASE = { images: 'acme/app', push: 'false' }

describe('parseInputs', () => {
  test('defaults: the five user-facing strategies, metadata-action flavor defaults', () => {
    const inputs = parseInputs(BASE)
    expect(inputs).toEqual({
      images: [{ registry: 'docker.io', path: 'acme/app', name: 'docker.io/acme/app' }],
      notices: [],
      context: 'workflow',
      separators: { tags: '\n', labels: '\n', annotations: '\n' },
      metadata: {
        labels: [],
        annotations: [],
        annotationLevels: ['manifest'],
        bakeTarget: 'docker-metadata-action'
      },
      push: false,
      tags: {
        strategies: ['semver', 'latest', 'dev', 'staging', 'sha'],
        strategyOptions: DEFAULT_STRATEGY_OPTIONS,
        rules: [],
        flavor: DEFAULT_FLAVOR
      },
      auth: { aws: {}, azure: {}, registryAuth: [], providers: new Map(), logout: true },
      publish: {
        forwardOnly: true,
        ecrCreateRepository: false,
        localPush: 'upload',
        concurrency: 4,
        requestTimeoutMs: 60000,
        retries: 4,
        insecureRegistries: [],
        platforms: [],
        platformsKeepIndex: false,
        referrers: true
      }
    })
  })

  test('publish options: each input read, bounds enforced', () => {
    const inputs = parseInputs({
      ...BASE,
      'forward-only': 'false',
      'ecr-create-repository': 'true',
      'local-push': 'Docker',
      concurrency: '8',
      'request-timeout': '5',
      retries: '0',
      'insecure-registries': 'Registry.Internal:5000\n# comment\nself-signed.test',
      platforms: 'linux/amd64\nlinux/arm/v7',
      'platforms-keep-index': 'true',
      referrers: 'false'
    })
    expect(inputs.publish).toEqual({
      forwardOnly: false,
      ecrCreateRepository: true,
      localPush: 'docker',
      concurrency: 8,
      requestTimeoutMs: 5000,
      retries: 0,
      insecureRegistries: ['registry.internal:5000', 'self-signed.test'],
      platforms: [
        { os: 'linux', architecture: 'amd64', text: 'linux/amd64' },
        { os: 'linux', architecture: 'arm', variant: 'v7', text: 'linux/arm/v7' }
      ],
      platformsKeepIndex: true,
      referrers: false
    })
    expect(() => parseInputs({ ...BASE, source: 'app:ci', platforms: 'linux/amd64' })).toThrow(
      'platforms: is set, but the source is an image in the Docker daemon, which holds one platform: publish a multi-platform build from an OCI archive (source: oci-archive:PATH) or a registry, or remove platforms'
    )
    expect(() => parseInputs({ ...BASE, concurrency: '0' })).toThrow(
      'concurrency: "0" is not a whole number from 1 to 32: use e.g. 4'
    )
    expect(() => parseInputs({ ...BASE, 'local-push': 'daemon' })).toThrow(
      'local-push: "daemon" is not one of upload, docker: use one of them'
    )
  })

  test.each([
    [{ tags: 'type=sha' }, []],
    [{ tags: 'type=sha', strategies: 'semver' }, ['semver']],
    [{ strategies: 'semver\nlatest, SHA' }, ['semver', 'latest', 'sha']],
    [{ 'raw-tags': 'stable' }, ['semver', 'latest', 'dev', 'staging', 'sha', 'raw']],
    [{ tags: 'type=sha', 'raw-tags': 'stable' }, ['raw']]
  ])('%j runs strategies %j', (given, strategies) => {
    expect(parseInputs({ ...BASE, ...given }).tags.strategies).toEqual(strategies)
  })

  test('images: one per line or comma separated, comments and blanks skipped', () => {
    const inputs = parseInputs({
      ...BASE,
      images: '# targets\nacme/app\n\nghcr.io/acme/app, quay.io/acme/app\n'
    })
    expect(inputs.images.map((i) => i.name)).toEqual([
      'docker.io/acme/app',
      'ghcr.io/acme/app',
      'quay.io/acme/app'
    ])
  })

  test.each([
    [
      { images: '', push: 'true', source: 'acme/app:build' },
      'images: is empty: list the target repositories, one per line (e.g. docker.io/acme/app); a plan with no images (push: false, or tagship plan) gives the bare tags'
    ],
    [
      { images: 'acme/app\ndocker.io/acme/app' },
      'images: "docker.io/acme/app" names the same repository as "acme/app" (docker.io/acme/app): list it once'
    ],
    [{ images: 'name=acme/app,enable=yes' }, 'images: "yes" is not a boolean: use true or false'],
    [
      { images: 'name=acme/app,push=true' },
      'images: "name=acme/app,push=true" has "push=true": an image line with attributes takes name= and enable= only, e.g. name=ghcr.io/acme/app,enable=true'
    ],
    [
      { images: 'name=,enable=true' },
      'images: "name=,enable=true" has an empty name=: give the repository'
    ],
    [
      { push: 'yes' },
      'push: "yes" is not true, false or preview: use true to publish, false to plan only, or preview to see what a publish would do'
    ],
    [
      { push: 'true' },
      'source: is empty but push is true: give the built image (e.g. the imageid output of docker/build-push-action), or set push: false to compute the plan only'
    ],
    [{ strategies: 'semvr' }, 'strategies: unknown strategy "semvr": did you mean "semver"?'],
    [
      { strategies: 'everything' },
      'strategies: unknown strategy "everything": use one of nightly, semver, latest, staging, dev, branch, pr, raw, sha'
    ],
    [
      { strategies: 'raw' },
      'strategies: raw is listed but raw-tags is empty: give the tags in raw-tags, or remove raw'
    ],
    [
      { 'raw-tags': 'stable, -bad' },
      `raw-tags: "-bad" is not a valid tag: it starts with '-'; a tag must start with a letter, digit or '_'`
    ],
    [
      { 'raw-tags': 'a'.repeat(129) },
      `raw-tags: "${'a'.repeat(129)}" is not a valid tag: it is 129 characters long; a tag may have at most 128`
    ],
    [
      { 'raw-tags': 'feature/x' },
      `raw-tags: "feature/x" is not a valid tag: it contains "/"; a tag may hold only letters, digits, '_', '.' and '-'`
    ],
    [{ 'sha-length': '6' }, 'sha-length: "6" is not a whole number from 7 to 40: use e.g. 7'],
    [
      { 'sha-length': 'seven' },
      'sha-length: "seven" is not a whole number from 7 to 40: use e.g. 7'
    ],
    [
      { 'sha-prefix': 'sha/' },
      `sha-prefix: "sha/" cannot start a tag: the tag contains "/"; a tag may hold only letters, digits, '_', '.' and '-'`
    ],
    [
      { 'sha-pr-commit': 'base' },
      'sha-pr-commit: "base" is not one of head, merge: use one of them'
    ],
    [{ 'semver-major-zero': 'on' }, 'semver-major-zero: "on" is not a boolean: use true or false'],
    [{ 'dev-branch': 'my branch' }, 'dev-branch: "my branch" contains whitespace: remove it'],
    [{ 'semver-prefix': 'v ' + 'x' }, 'semver-prefix: "v x" contains whitespace: remove it'],
    [
      { source: 'ghcr.io/acme/app@sha256:1' },
      'source: "ghcr.io/acme/app@sha256:1" has an invalid digest "sha256:1": use @sha256: followed by 64 lowercase hex digits'
    ]
  ])('%j is rejected with one line', (given, message) => {
    expect(messageOf(() => parseInputs({ ...BASE, ...given }))).toBe(message)
  })
})
