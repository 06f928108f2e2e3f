import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildScratchImage, docker, dockerOk } from '../../__fixtures__/services/docker-cli.js'
import { createDockerShim } from '../../__fixtures__/services/docker-shim.js'
import { DOCKER_CLI, ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { startEcrRegistry, type EcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import { Cleanup, removeTempDir, tempDir } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { localImageId } from '../../src/docker/image.js'
import { dockerPush } from '../../src/docker/push.js'
import { InputError } from '../../src/shared/errors.js'

const ALICE = { username: 'alice', password: 'alice-secret-1' }
const ECR_PASSWORD = 'ecr-password-for-docker'
const IMAGE = 'tagship-test/push:1'
const MISSING =
  'is not an image in the local Docker daemon: build it with load: true (docker/build-push-action) or docker build before tagship, or give a registry reference'

const cleanup = new Cleanup()
let daemon: DockerDaemon
let registry: Registry
let ecr: EcrRegistry
let imageId: string
/** A DOCKER_CONFIG logged in to both registries, as the action's login step leaves it. */
let configDir: string
/** A DOCKER_CONFIG with no logins. */
let emptyConfig: string

async function login(host: string, username: string, password: string): Promise<void> {
  await dockerOk(daemon, ['login', '--username', username, '--password-stdin', host], {
    input: password,
    configDir
  })
}

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  // dockerPush runs docker with the allow-listed environment, DOCKER_HOST included.
  process.env.DOCKER_HOST = daemon.host
  registry = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(registry.stop)
  ecr = await startEcrRegistry({ repositories: ['team/app'], password: ECR_PASSWORD })
  cleanup.add(ecr.stop)
  configDir = await tempDir('push-config')
  cleanup.add(() => removeTempDir(configDir))
  emptyConfig = await tempDir('push-empty')
  cleanup.add(() => removeTempDir(emptyConfig))
  await login(registry.host, ALICE.username, ALICE.password)
  await login(ecr.host, 'AWS', ECR_PASSWORD)
  imageId = await buildScratchImage(daemon, IMAGE, { 'push.txt': 'pushed by tagship\n' })
}, 90_000)
afterAll(() => cleanup.run(), 30_000)

/** Push with the logged-in config, collecting docker's lines. */
async function push(image: string, reference: string, config = configDir) {
  const lines: string[] = []
  const result = await dockerPush(image, reference, {
    configDir: config,
    log: (l) => lines.push(l)
  })
  return { ...result, lines }
}

/** What a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e as Error
  )
}

describe('localImageId', () => {
  test('the ID of a local image, by name or by ID', async () => {
    expect(await localImageId(IMAGE, { configDir })).toBe(imageId)
    expect(await localImageId(imageId, {})).toBe(imageId)
  })

  test('an image the daemon does not have is an error in the source input', async () => {
    const error = await rejection(localImageId('tagship-test/absent:1', { configDir }))
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('source')
    expect(error.message).toBe(`source: "tagship-test/absent:1" ${MISSING}`)
  })

  test('a name docker cannot parse is an error in the source input, with docker’s reason', async () => {
    const error = await rejection(localImageId('Tagship/Bad:1'))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(
      /^source: "Tagship\/Bad:1" is not a valid image reference: .*invalid reference format: repository name .*must be lowercase$/
    )
  })

  test('no daemon answers: says so', async () => {
    const dead = `unix://${join(emptyConfig, 'no-daemon.sock')}`
    process.env.DOCKER_HOST = dead
    try {
      const error = await rejection(localImageId(IMAGE))
      expect(error).not.toBeInstanceOf(InputError)
      expect(error.message).toBe(
        `docker image inspect ${IMAGE}: no Docker daemon answers (Cannot connect to the Docker daemon at ${dead}. Is the docker daemon running?): start one, or set DOCKER_HOST to a running daemon`
      )
    } finally {
      process.env.DOCKER_HOST = daemon.host
    }
  })
})

describe('dockerPush', () => {
  let first: { digest: string; size: number; lines: string[] }
  beforeAll(async () => {
    first = await push(IMAGE, `${registry.host}/team/app:1`)
  })

  test('tags and pushes; the digest is the one skopeo reads, the size that of the manifest', async () => {
    const reference = `${registry.host}/team/app:1`
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await inspectDigest(reference, { creds: ALICE })).toBe(first.digest)
    expect(first.size).toBe((await inspectRaw(reference, { creds: ALICE })).length)
  })

  test('docker’s lines go to the log, as docker prints them', () => {
    const layer = first.lines[1]?.slice(0, 12) ?? ''
    expect(first.lines).toEqual([
      `The push refers to repository [${registry.host}/team/app]`,
      `${layer}: Preparing`,
      `${layer}: Pushed`,
      `1: digest: ${first.digest} size: ${first.size}`
    ])
  })

  test('a second tag of the same image: same digest, and the layer is already there', async () => {
    const again = await push(imageId, `${registry.host}/team/app:latest`)
    expect(again.digest).toBe(first.digest)
    expect(again.lines[2]).toMatch(/^[0-9a-f]{12}: Layer already exists$/)
    expect(await inspectDigest(`${registry.host}/team/app:latest`, { creds: ALICE })).toBe(
      first.digest
    )
  })

  test('the same image to another registry gets the same digest', async () => {
    ecr.clearRequests()
    const other = await push(IMAGE, `${ecr.host}/team/app:1`)
    expect(other.digest).toBe(first.digest)
    expect(other.size).toBe(first.size)
    expect(
      await inspectDigest(`${ecr.host}/team/app:1`, {
        creds: { username: 'AWS', password: ECR_PASSWORD }
      })
    ).toBe(first.digest)
    // Two blobs (config and layer), each a POST and a PUT, then the manifest.
    // Config and layer go up in parallel, each as POST, PATCH, PUT.
    const writes = ecr
      .writes()
      .map((w) => `${w.method} ${w.path.replace(/\/[^/]+-[^/]+$/, '/<uuid>')} ${w.status}`)
    expect(writes.slice(0, -1).sort()).toEqual([
      'PATCH /v2/team/app/blobs/uploads/<uuid> 202',
      'PATCH /v2/team/app/blobs/uploads/<uuid> 202',
      'POST /v2/team/app/blobs/uploads/ 202',
      'POST /v2/team/app/blobs/uploads/ 202',
      'PUT /v2/team/app/blobs/uploads/<uuid> 201',
      'PUT /v2/team/app/blobs/uploads/<uuid> 201'
    ])
    expect(writes.at(-1)).toBe('PUT /v2/team/app/manifests/1 201')
    expect(ecr.bytesReceived()).toBeGreaterThan(first.size)
  })

  test('a missing local image is an error in the source input', async () => {
    const error = await rejection(push('tagship-test/absent:2', `${registry.host}/team/app:2`))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(`source: "tagship-test/absent:2" ${MISSING}`)
  })

  test('no credentials: names the reference and docker’s reason', async () => {
    const reference = `${registry.host}/team/app:anonymous`
    const error = await rejection(push(IMAGE, reference, emptyConfig))
    expect(error).not.toBeInstanceOf(InputError)
    expect(error.message).toBe(`docker push ${reference} failed: no basic auth credentials`)
  })

  test('ECR: a repository that does not exist', async () => {
    const reference = `${ecr.host}/team/nope:1`
    const error = await rejection(push(IMAGE, reference))
    expect(error.message).toBe(
      `docker push ${reference} failed: name unknown: The repository with name 'team/nope' does not exist in the registry with id '123456789012'`
    )
  })

  test('ECR immutable: the first push lands, pushing the tag again is refused without a write getting through', async () => {
    ecr.createRepository('team/locked', 'IMMUTABLE')
    const reference = `${ecr.host}/team/locked:1`
    const pushed = await push(IMAGE, reference)
    expect(pushed.digest).toBe(first.digest)
    ecr.clearRequests()
    const error = await rejection(push(IMAGE, reference))
    expect(error.message).toBe(
      `docker push ${reference} failed: tag invalid: The image tag '1' already exists in the 'team/locked' repository and cannot be overwritten because the repository is immutable.`
    )
    expect(ecr.writes()).toEqual([
      {
        method: 'PUT',
        path: '/v2/team/locked/manifests/1',
        query: '',
        user: 'AWS',
        status: 400,
        bytes: first.size,
        refused: true
      }
    ])
    // A new tag, and the digest itself, are still allowed.
    expect((await push(IMAGE, `${ecr.host}/team/locked:2`)).digest).toBe(first.digest)
  })

  test('a docker that prints no digest: read back from RepoDigests; no secret on any command line', async () => {
    const dir = await tempDir('quiet-docker')
    cleanup.add(() => removeTempDir(dir))
    const quiet = join(dir, 'quiet-docker')
    writeFileSync(
      quiet,
      `#!/bin/bash\nset -o pipefail\nif [ "$1" = push ]; then '${DOCKER_CLI}' "$@" | grep -v ': digest: '; exit $?; fi\nexec '${DOCKER_CLI}' "$@"\n`
    )
    chmodSync(quiet, 0o755)
    const shim = createDockerShim(quiet)
    cleanup.add(() => shim.remove())
    const path = process.env.PATH
    process.env.PATH = `${shim.dir}:${path}`
    const reference = `${registry.host}/team/quiet:1`
    try {
      const result = await push(IMAGE, reference)
      expect(result).toEqual({ digest: first.digest, size: 0, lines: expect.any(Array) })
      expect(result.lines.join('\n')).not.toContain('digest')
    } finally {
      process.env.PATH = path
    }
    expect(shim.calls()).toEqual([
      ['tag', '--', IMAGE, reference],
      ['push', '--', reference],
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', '--', reference]
    ])
    const inspect = await docker(daemon, [
      'image',
      'inspect',
      '--format',
      '{{json .RepoDigests}}',
      IMAGE
    ])
    expect(inspect.stdout).toContain(`${registry.host}/team/quiet@${first.digest}`)
  })
})
