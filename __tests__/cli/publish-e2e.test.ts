import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writesOf } from '../../__fixtures__/publish.js'
import { SHA } from '../../__fixtures__/runner.js'
import { buildScratchImage } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { seedImage, type SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { runBundledCli, type BundledRun } from './bundled-cli.js'

/**
 * The bundled CLI (`node dist/cli/index.js publish`) in a GitLab CI tag
 * pipeline: a local image and a registry source published to a local
 * htpasswd registry, credentials from TAGSHIP_REGISTRY_AUTH, GitLab's job
 * token and a Docker config; skopeo judges what landed.
 */
const alice = { username: 'alice', password: 'cli-publish-alice-secret' }
const cleanup = new Cleanup()
let daemon: DockerDaemon
let registry: Registry
let faulty: FaultProxy
let image: string
let seeded: SeededManifest
let home: string

const NOW = '2026-11-23T08:30:00.000Z'
const TAG_PIPELINE = {
  GITLAB_CI: 'true',
  CI_PIPELINE_SOURCE: 'push',
  CI_COMMIT_TAG: 'v1.2.3',
  CI_COMMIT_REF_NAME: 'v1.2.3',
  CI_COMMIT_SHA: SHA,
  CI_DEFAULT_BRANCH: 'main',
  CI_PROJECT_NAME: 'app',
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/app'
}
const TAGS = ['1.2.3', '1.2', '1', 'latest']

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  registry = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(registry.stop)
  faulty = await startFaultProxy(registry.url)
  cleanup.add(faulty.stop)
  image = await buildScratchImage(daemon, 'tagship-cli/publish:build', {
    'hello.txt': 'published by tagship publish\n'
  })
  seeded = await seedImage({ url: registry.url, creds: alice }, 'seed/app', {
    layers: [Buffer.from('a layer published from a registry source\n')],
    tag: 'build'
  })
  home = mkdtempSync(join(tmpdir(), 'tagship-cli-home-'))
  cleanup.add(() => rmSync(home, { recursive: true, force: true }))
}, 180_000)

afterAll(() => cleanup.run(), 30_000)

const auth = (host: string): string =>
  `- registry: ${host}\n  username: ${alice.username}\n  password: ${alice.password}\n`

/** A GitLab tag pipeline's environment, with no credentials unless given. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, ...daemon.env, ...TAG_PIPELINE, ...extra }
}

function publish(flags: string[], extra: Record<string, string> = {}): Promise<BundledRun> {
  return runBundledCli(['publish', '--strategies', 'semver,latest', '--now', NOW, ...flags], {
    ...env(extra)
  })
}

/** Group titles of the plain log: what the run did, in order. */
const titles = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('== '))

const resultText = (digest: string, target: string, tally = '4 tags on 1 target: 4 pushed') =>
  [`digest: ${digest}`, target, ...TAGS.map((t) => `  ${t.padEnd(6)}  pushed`), tally, ''].join(
    '\n'
  )

describe('a local image, credentials from TAGSHIP_REGISTRY_AUTH, --json', () => {
  let run: BundledRun
  let target: string
  beforeAll(async () => {
    target = `${registry.host}/team/app`
    run = await publish(['--source', image, '--image', target, '--json'], {
      TAGSHIP_REGISTRY_AUTH: auth(registry.host)
    })
  }, 120_000)

  test('exits 0, and skopeo finds every tag at the digest of the json output', async () => {
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as { digest: string }
    expect(json.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    for (const tag of TAGS)
      expect(await inspectDigest(`${target}:${tag}`, { creds: alice })).toBe(json.digest)
  })

  test('stdout is the action json output, exactly', () => {
    const { digest } = JSON.parse(run.stdout) as { digest: string }
    const reasons: Record<string, string[]> = {
      '1.2.3': ['semver: release v1.2.3'],
      '1.2': ['semver: release v1.2.3'],
      '1': ['semver: release v1.2.3'],
      latest: ['latest: stable release v1.2.3']
    }
    expect(JSON.parse(run.stdout)).toEqual({
      push: true,
      source: image,
      version: '1.2.3',
      tags: TAGS.map((t) => `${target}:${t}`),
      'tag-names': [...TAGS],
      digest,
      labels: {
        'org.opencontainers.image.created': NOW,
        'org.opencontainers.image.revision': SHA,
        'org.opencontainers.image.source': 'https://gitlab.example.com/acme/app',
        'org.opencontainers.image.title': 'app',
        'org.opencontainers.image.url': 'https://gitlab.example.com/acme/app',
        'org.opencontainers.image.version': '1.2.3'
      },
      annotations: [
        `manifest:org.opencontainers.image.created=${NOW}`,
        `manifest:org.opencontainers.image.revision=${SHA}`,
        'manifest:org.opencontainers.image.source=https://gitlab.example.com/acme/app',
        'manifest:org.opencontainers.image.title=app',
        'manifest:org.opencontainers.image.url=https://gitlab.example.com/acme/app',
        'manifest:org.opencontainers.image.version=1.2.3'
      ],
      targets: [
        {
          repository: target,
          registry: registry.host,
          digest,
          tags: TAGS.map((t) => ({
            tag: t,
            reference: `${target}:${t}`,
            reasons: reasons[t],
            result: 'pushed',
            digest
          }))
        }
      ],
      warnings: []
    })
  })

  test('stderr is plain lines in the order of the flow, and shows no secret', () => {
    expect(run.stderr).not.toContain('\x1b')
    expect(run.stderr).not.toContain(alice.password)
    expect(titles(run.stderr)).toEqual([
      `== Login to ${registry.host}`,
      `== Read the source ${image}`,
      `== Read ${target}`,
      `== Content for ${target}`,
      `== Tags of ${target}`,
      '== Verify'
    ])
    expect(run.stderr.split('\n').slice(0, 6)).toEqual([
      'version: 1.2.3',
      target,
      '  1.2.3   semver: release v1.2.3',
      '  1.2     semver: release v1.2.3',
      '  1       semver: release v1.2.3',
      '  latest  latest: stable release v1.2.3'
    ])
    expect(run.stderr).toContain(
      `\n  ${registry.host}: alice (from registry-auth)\n  Logged in to ${registry.host} as alice (registry-auth)\n`
    )
  })
})

describe('a registry source, with the GitLab job token for $CI_REGISTRY', () => {
  test('copies the image with no daemon and prints the result table', async () => {
    const target = `${registry.host}/team/copy`
    const run = await publish(['--source', `${registry.host}/seed/app:build`, '--image', target], {
      CI_REGISTRY: registry.host,
      CI_REGISTRY_USER: alice.username,
      CI_REGISTRY_PASSWORD: alice.password,
      // No daemon: a registry source needs none.
      DOCKER_HOST: 'unix:///nonexistent/docker.sock'
    })
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 0,
      stdout: resultText(seeded.digest, target)
    })
    expect(run.stderr).toContain(`\n  ${registry.host}: alice (from CI_REGISTRY_PASSWORD)\n`)
    expect(run.stderr).not.toContain(alice.password)
    for (const tag of TAGS)
      expect(await inspectDigest(`${target}:${tag}`, { creds: alice })).toBe(seeded.digest)
  }, 120_000)
})

describe('credentials from the Docker config', () => {
  test('a registry with no other credentials uses what docker login stored', async () => {
    const config = mkdtempSync(join(tmpdir(), 'tagship-cli-docker-config-'))
    cleanup.add(() => rmSync(config, { recursive: true, force: true }))
    const basic = Buffer.from(`${alice.username}:${alice.password}`).toString('base64')
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: basic } } })
    )
    const target = `${registry.host}/team/from-config`
    const run = await publish(
      ['--source', `${registry.host}/seed/app@${seeded.digest}`, '--image', target],
      {
        DOCKER_CONFIG: config
      }
    )
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 0,
      stdout: resultText(seeded.digest, target)
    })
    expect(run.stderr).toContain(
      `\n  ${registry.host}: alice (from ${join(config, 'config.json')})\n`
    )
    expect(run.stderr).not.toContain(alice.password)
    expect(run.stderr).not.toContain(basic)
    for (const tag of TAGS)
      expect(await inspectDigest(`${target}:${tag}`, { creds: alice })).toBe(seeded.digest)
  }, 120_000)
})

describe('--dry-run', () => {
  test('previews a local image: logs in, reads, says what each tag would do, writes nothing', async () => {
    registry.clearRequests()
    const target = `${registry.host}/team/dry`
    const run = await publish(['--source', image, '--image', target, '--dry-run'], {
      TAGSHIP_REGISTRY_AUTH: auth(registry.host)
    })
    // No target holds the image: its digest is known once it is compressed and pushed.
    const local = `local image ${image.slice(0, 19)}`
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 0,
      stdout: [
        'preview: nothing was written',
        `digest: unknown until the local image ${image} is compressed and pushed`,
        `registry ${registry.host}`,
        '  team/dry',
        '    push: unknown (the registry takes Basic credentials (or none), which do not say what they may write)',
        '    content: docker save, each layer compressed once, then the layers the registry lacks are uploaded (how many is known once they are compressed)',
        '  TAG              ACTION  FROM  TO                               WHY',
        `  team/dry:1.2.3   create  -     ${local}`,
        `  team/dry:1.2     create  -     ${local}`,
        `  team/dry:1       create  -     ${local}`,
        `  team/dry:latest  create  -     ${local}`,
        '4 tags on 1 target: 4 create',
        ''
      ].join('\n')
    })
    expect(titles(run.stderr)).toEqual([
      `== Login to ${registry.host}`,
      `== Read the source ${image}`,
      `== Read ${target}`,
      `== What ${target} would get`
    ])
    expect(registry.requests().length).toBeGreaterThan(0)
    expect(writesOf(registry.requests())).toEqual([])
  }, 60_000)
})

describe('exit codes', () => {
  test('bad input exits 2 with one line, before any request', async () => {
    registry.clearRequests()
    const run = await publish(['--source', image, '--image', `${registry.host}/team/app:1`])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `tagship: images: "${registry.host}/team/app:1" has a tag: give the repository only, e.g. "${registry.host}/team/app" (tags are computed)\n`
    })
    expect(registry.requests()).toEqual([])
  })

  test('a Docker Hub target with no credentials exits 2, naming the variable to set', async () => {
    const run = await publish(['--source', image, '--image', 'docker.io/acme/app'])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tagship: images: docker.io is Docker Hub and no credentials were given for it: set --dockerhub-username and TAGSHIP_DOCKERHUB_TOKEN (an access token with Read & Write) or --dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to TAGSHIP_REGISTRY_AUTH\n'
    })
  })

  test('a tag the registry refuses exits 1; the others land and the result says which', async () => {
    faulty.reset()
    faulty.inject({
      method: 'PUT',
      path: /\/manifests\/1\.2$/,
      times: Infinity,
      fault: {
        kind: 'status',
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ code: 'DENIED', message: 'tag 1.2 is protected' }] })
      }
    })
    const target = `${faulty.host}/team/refused`
    const run = await publish(['--source', `${registry.host}/seed/app:build`, '--image', target], {
      TAGSHIP_REGISTRY_AUTH: auth(registry.host) + auth(faulty.host)
    })
    const refused = `${target}:1.2`
    const detail = `pushing manifest ${refused} failed: DENIED (HTTP 403): the credentials may not push to team/refused: grant them write access to it`
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 1,
      stdout: [
        `digest: ${seeded.digest}`,
        target,
        '  1.2.3   pushed',
        `  1.2     failed: ${detail}`,
        '  1       pushed',
        '  latest  pushed',
        '4 tags on 1 target: 3 pushed, 1 failed',
        ''
      ].join('\n')
    })
    expect(run.stderr).toContain(`\nwarning: ${refused}: ${detail}\n`)
    expect(run.stderr.split('\n').slice(-4)).toEqual([
      'tagship: 1 of 4 tags did not land:',
      `  ${refused}: ${detail}`,
      `landed (3): ${['1.2.3', '1', 'latest'].map((t) => `${target}:${t}`).join(', ')}`,
      ''
    ])
    for (const tag of ['1.2.3', '1', 'latest'])
      expect(await inspectDigest(`${registry.host}/team/refused:${tag}`, { creds: alice })).toBe(
        seeded.digest
      )
  }, 120_000)
})
