import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import {
  refuseMonolithicUploads,
  startFaultProxy,
  type FaultProxy
} from '../../__fixtures__/services/fault-proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { openBlob } from '../../src/distribution/blob-download.js'
import { CHUNK_BYTES, uploadBlob } from '../../src/distribution/blob-upload.js'
import { hasBlob } from '../../src/distribution/blobs.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { getManifest, headManifest, putManifest } from '../../src/distribution/manifests.js'
import { repoHandle, type RepoHandle } from '../../src/distribution/repo.js'
import { listTags } from '../../src/distribution/tags.js'
import { registryContent } from '../../src/distribution/content-source.js'
import { copyContent } from '../../src/distribution/copy.js'
import { manifestChildren } from '../../src/distribution/media-types.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import { blobOf, failure, image, readAll, sha256 } from './content-helpers.js'

const ALICE = { username: 'alice', password: 'alice-pass-42', repositories: ['team/*'] }
const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
const json = (code: string, message: string) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ errors: [{ code, message }] })
})
const MANIFEST = /\/manifests\//

let registry: Registry
let proxy: FaultProxy
let client: RegistryClient
let repo: RepoHandle
const delays: number[] = []
const retries: string[] = []

/** The requests that reached the proxy, as `METHOD path status [fault]`, without the auth handshake. */
function seen(): string[] {
  return proxy
    .requests()
    .filter((r) => r.status !== 401)
    .map(
      (r) =>
        `${r.method} ${r.path.replace(/[0-9a-f-]{36}$/, '<uuid>').replace(/sha256:[0-9a-f]{64}/, '<digest>')} ${r.status}${r.fault === 'pass' ? '' : ` ${r.fault}`}`
    )
}

beforeAll(async () => {
  registry = await startRegistry({ auth: 'token', users: [ALICE] })
  proxy = await startFaultProxy(registry.url)
  client = new RegistryClient(proxy.host, ALICE, () => undefined, {
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    now: () => NOW,
    onRetry: (message) => void retries.push(message)
  })
  repo = repoHandle(client, 'team/app', 'push')
})
afterAll(async () => {
  await proxy?.stop()
  await registry?.stop()
})
beforeEach(() => {
  proxy.reset()
  delays.length = 0
  retries.length = 0
})

describe('retries of transient answers', () => {
  let tagged: string
  beforeAll(async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' })
    await putManifest(repo, '1.0.0', manifest)
    tagged = manifest.digest
  })

  test('429 with Retry-After in seconds waits that long', async () => {
    proxy.inject({
      method: 'GET',
      path: MANIFEST,
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '2' } }
    })
    expect((await getManifest(repo, '1.0.0')).digest).toBe(tagged)
    expect(delays).toEqual([2000])
    expect(retries).toEqual([
      `${proxy.host}: GET /v2/team/app/manifests/1.0.0 answered HTTP 429; retry 1 of 4 in 2.0 s`
    ])
  })

  test('429 with Retry-After as an HTTP date waits until then', async () => {
    proxy.inject({
      method: 'GET',
      path: MANIFEST,
      fault: {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:03 GMT' }
      }
    })
    expect((await getManifest(repo, '1.0.0')).digest).toBe(tagged)
    expect(delays).toEqual([3000])
  })

  test('503 twice, then success: jittered exponential backoff', async () => {
    proxy.inject({
      method: 'HEAD',
      path: MANIFEST,
      times: 2,
      fault: { kind: 'status', status: 503 }
    })
    expect((await headManifest(repo, '1.0.0'))?.digest).toBe(tagged)
    expect(delays).toEqual([375, 750])
    expect(seen()).toEqual([
      'HEAD /v2/team/app/manifests/1.0.0 503 status',
      'HEAD /v2/team/app/manifests/1.0.0 503 status',
      'HEAD /v2/team/app/manifests/1.0.0 200'
    ])
  })

  test('a dropped connection, then success', async () => {
    proxy.inject({ method: 'GET', path: MANIFEST, fault: { kind: 'drop' } })
    expect((await getManifest(repo, '1.0.0')).digest).toBe(tagged)
    expect(delays).toEqual([375])
    expect(retries).toEqual([
      `${proxy.host}: GET /v2/team/app/manifests/1.0.0 failed: UND_ERR_SOCKET other side closed; retry 1 of 4 in 0.4 s`
    ])
  })

  test('throttled past the retries: one line that says so', async () => {
    proxy.inject({
      method: 'GET',
      path: MANIFEST,
      times: 5,
      fault: { kind: 'status', status: 429, ...json('TOOMANYREQUESTS', 'rate limit exceeded') }
    })
    const e = await failure(() => getManifest(repo, '1.0.0'))
    expect([e.code, e.status, e.retries]).toEqual(['TOOMANYREQUESTS', 429, 4])
    expect(e.message).toBe(
      `reading manifest ${proxy.host}/team/app:1.0.0 failed: TOOMANYREQUESTS (HTTP 429): rate limited; retried 4 times: wait and run again, or use credentials with a higher limit`
    )
    expect(delays).toEqual([375, 750, 1500, 3000])
  })

  test('a registry that keeps failing a manifest PUT', async () => {
    const manifest = await getManifest(repo, '1.0.0')
    proxy.inject({
      method: 'PUT',
      path: MANIFEST,
      times: 5,
      fault: { kind: 'status', status: 502 }
    })
    const e = await failure(() => putManifest(repo, '1.0.1', manifest))
    expect(e.message).toBe(
      `pushing manifest ${proxy.host}/team/app:1.0.1 failed: HTTP 502: the registry kept failing; retried 4 times: try again later`
    )
  })

  test('connections dropped past the retries', async () => {
    proxy.inject({ method: 'GET', path: MANIFEST, times: 5, fault: { kind: 'drop' } })
    const e = await failure(() => getManifest(repo, '1.0.0'))
    expect([e.name, e.message, e.retries]).toEqual([
      'RegistryUnreachableError',
      `${proxy.host} could not be reached: UND_ERR_SOCKET other side closed; gave up after 4 retries: run the step again, or raise retries or request-timeout`,
      4
    ])
  })
})

describe('refusals become one actionable line', () => {
  test('an immutable ECR repository refuses to move a tag', async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' })
    proxy.inject({
      method: 'PUT',
      path: MANIFEST,
      fault: {
        kind: 'status',
        status: 400,
        ...json(
          'TAG_INVALID',
          "The image tag '1.0.0' already exists in the 'app' repository and cannot be overwritten because the repository is immutable."
        )
      }
    })
    const e = await failure(() => putManifest(repo, '1.0.0', manifest))
    expect([e.name, e.code, e.status, e.immutableTag]).toEqual([
      'RegistryRequestError',
      'TAG_INVALID',
      400,
      true
    ])
    expect(e.message).toBe(
      `pushing manifest ${proxy.host}/team/app:1.0.0 failed: TAG_INVALID (HTTP 400): the repository is immutable and the tag already points at another image: publish a new tag, or make team/app mutable`
    )
  })

  test('a repository that does not exist (ECR: NAME_UNKNOWN)', async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' })
    proxy.inject({
      method: 'PUT',
      path: MANIFEST,
      fault: {
        kind: 'status',
        status: 404,
        ...json('NAME_UNKNOWN', "The repository with name 'app' does not exist")
      }
    })
    const e = await failure(() => putManifest(repo, '1.0.0', manifest))
    expect([e.code, e.status, e.immutableTag]).toEqual(['NAME_UNKNOWN', 404, false])
    expect(e.message).toBe(
      `pushing manifest ${proxy.host}/team/app:1.0.0 failed: NAME_UNKNOWN (HTTP 404): the repository does not exist: create it first (on Amazon ECR, set ecr-create-repository: true)`
    )
  })
})

describe('blob downloads redirected to an object store', () => {
  test('follow the redirect without Authorization and verify the bytes', async () => {
    const bytes = randomBytes(70_000)
    await uploadBlob(repo, blobOf(bytes))
    proxy.reset()
    proxy.inject({ method: 'GET', path: /\/blobs\/sha256:/, fault: { kind: 'redirect-to-store' } })
    const back = await readAll(await openBlob(repo, blobOf(bytes)))
    expect(back.equals(bytes)).toBe(true)
    expect(proxy.requests().map((r) => [r.method, r.authorization, r.status, r.fault])).toEqual([
      ['GET', 'bearer', 307, 'redirect-to-store']
    ])
    expect(proxy.storeRequests().map((r) => [r.method, r.authorization, r.status])).toEqual([
      ['GET', 'none', 200]
    ])
  })

  test('content that does not hash to the digest errors the stream', async () => {
    const bytes = randomBytes(5000)
    await uploadBlob(repo, blobOf(bytes))
    proxy.inject({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      fault: { kind: 'redirect-to-store', corrupt: true }
    })
    const flipped = Buffer.from(bytes)
    flipped[0] = flipped[0]! ^ 0xff
    const e = await failure(async () => readAll(await openBlob(repo, blobOf(bytes))))
    expect([e.name, e.message]).toEqual([
      'ContentMismatchError',
      `${proxy.host}/team/app@${sha256(bytes)}: the bytes hash to ${sha256(flipped)}: the registry (or something between) served other content than asked for; run again, and check the registry if it persists`
    ])
  })
})

describe('a copy that checks the size alone (toRegistry)', () => {
  test('content that does not hash to its digest is refused by the target registry', async () => {
    const bytes = randomBytes(5000)
    await uploadBlob(repo, blobOf(bytes))
    proxy.inject({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      fault: { kind: 'redirect-to-store', corrupt: true }
    })
    const target = repoHandle(client, 'team/copy-target', 'push')
    const descriptor = { mediaType: 'application/octet-stream', digest: sha256(bytes), size: 5000 }
    const e = await failure(() =>
      uploadBlob(target, {
        ...descriptor,
        open: () => registryContent(repo).openBlob(descriptor, { toRegistry: true })
      })
    )
    expect([e.name, e.message]).toEqual([
      'RegistryRequestError',
      `uploading blob ${proxy.host}/team/copy-target@${sha256(bytes)} failed: DIGEST_INVALID (HTTP 400): the content did not match its digest or size: the source changed or the transfer was corrupted; run again`
    ])
    expect(await hasBlob(target, sha256(bytes))).toBe(false)
  })
})

describe('a copy into a repository without tags', () => {
  /** The requests on `path` only (the source's reads go through the same proxy), in order. */
  const on = (path: string): string[] =>
    seen().filter((line) => line.split(' ')[1]!.startsWith(`/v2/${path}/`))
  const copyInto = (path: string, manifest: RawManifest) =>
    copyContent(registryContent(repo), repoHandle(client, path, 'push'), manifest, {
      concurrency: 1,
      untagged: true,
      log: () => undefined
    })

  test('each blob is offered as a mount from the target itself: no HEAD, and the 202 carries the upload', async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' }, 2)
    proxy.reset()
    const stats = await copyInto('team/fresh', manifest)
    expect([stats.blobsUploaded, stats.blobsPresent, stats.blobsMounted]).toEqual([3, 0, 0])
    expect(on('team/fresh')).toEqual(
      Array<string[]>(3)
        .fill([
          'POST /v2/team/fresh/blobs/uploads/ 202',
          'PUT /v2/team/fresh/blobs/uploads/<uuid> 201'
        ])
        .flat()
    )
  })

  test('a blob the untagged repository holds (an interrupted run) is linked, not sent again', async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' }, 1)
    const [config] = manifestChildren(manifest).blobs
    const target = repoHandle(client, 'team/interrupted', 'push')
    await uploadBlob(target, { ...config!, open: () => registryContent(repo).openBlob(config!) })
    proxy.reset()
    const stats = await copyInto('team/interrupted', manifest)
    expect([stats.blobsUploaded, stats.blobsPresent]).toEqual([1, 1])
    expect(on('team/interrupted').sort()).toEqual(
      [
        'POST /v2/team/interrupted/blobs/uploads/ 201',
        'POST /v2/team/interrupted/blobs/uploads/ 202',
        'PUT /v2/team/interrupted/blobs/uploads/<uuid> 201'
      ].sort()
    )
  })

  test('a registry that refuses the offer (Docker Hub has answered 400) gets a plain upload', async () => {
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' }, 1)
    proxy.reset()
    proxy.inject({
      method: 'POST',
      path: /\/blobs\/uploads\/$/,
      query: /^mount=/,
      times: Infinity,
      fault: { kind: 'status', status: 400, ...json('UNSUPPORTED', 'mount refused') }
    })
    const stats = await copyInto('team/no-mounts', manifest)
    expect(stats.blobsUploaded).toBe(2)
    expect(on('team/no-mounts')).toEqual(
      Array<string[]>(2)
        .fill([
          'POST /v2/team/no-mounts/blobs/uploads/ 400 status',
          'POST /v2/team/no-mounts/blobs/uploads/ 202',
          'PUT /v2/team/no-mounts/blobs/uploads/<uuid> 201'
        ])
        .flat()
    )
    const landed = repoHandle(client, 'team/no-mounts', 'pull')
    for (const blob of manifestChildren(manifest).blobs)
      expect(await hasBlob(landed, blob.digest)).toBe(true)
  })
})

describe('uploads', () => {
  test('a registry that refuses one whole-body PUT gets PATCH chunks', async () => {
    const bytes = randomBytes(2 * CHUNK_BYTES + 1_000_000)
    proxy.inject(refuseMonolithicUploads())
    await uploadBlob(repo, blobOf(bytes, { pieces: 13 }))
    expect(seen()).toEqual([
      'POST /v2/team/app/blobs/uploads/ 202',
      'PUT /v2/team/app/blobs/uploads/<uuid> 405 status',
      'POST /v2/team/app/blobs/uploads/ 202',
      'PATCH /v2/team/app/blobs/uploads/<uuid> 202',
      'PATCH /v2/team/app/blobs/uploads/<uuid> 202',
      'PATCH /v2/team/app/blobs/uploads/<uuid> 202',
      'PUT /v2/team/app/blobs/uploads/<uuid> 201'
    ])
    expect(await hasBlob(repo, sha256(bytes))).toBe(true)
    expect((await readAll(await openBlob(repo, blobOf(bytes)))).equals(bytes)).toBe(true)
  })

  test('a streamed PUT answered 503 starts the upload over with a fresh stream', async () => {
    const bytes = randomBytes(100_000)
    let opened = 0
    const blob = blobOf(bytes)
    proxy.inject({
      method: 'PUT',
      path: /\/blobs\/uploads\//,
      fault: { kind: 'status', status: 503 }
    })
    await uploadBlob(repo, { ...blob, open: () => (opened++, blob.open()) })
    expect(opened).toBe(2)
    expect(seen()).toEqual([
      'POST /v2/team/app/blobs/uploads/ 202',
      'PUT /v2/team/app/blobs/uploads/<uuid> 503 status',
      'POST /v2/team/app/blobs/uploads/ 202',
      'PUT /v2/team/app/blobs/uploads/<uuid> 201'
    ])
    expect(retries).toEqual([
      `${proxy.host}: uploading blob ${sha256(bytes)} to team/app: the upload answered HTTP 503; retry 1 of 4 in 0.4 s`
    ])
  })

  test('a streamed PUT failing past the retries', async () => {
    const bytes = randomBytes(1000)
    proxy.inject({ method: 'PUT', path: /\/blobs\/uploads\//, times: 5, fault: { kind: 'drop' } })
    const e = await failure(() => uploadBlob(repo, blobOf(bytes)))
    expect([e.name, e.retries]).toEqual(['RegistryUnreachableError', 4])
    expect(delays).toEqual([375, 750, 1500, 3000])
  })
})

test('a HEAD without Docker-Content-Digest falls back to GET and hashes', async () => {
  const manifest = await image(repo, { os: 'linux', architecture: 'arm64' })
  await putManifest(repo, 'headless', manifest)
  proxy.reset()
  proxy.inject({
    method: 'HEAD',
    path: MANIFEST,
    fault: { kind: 'omit-header', header: 'docker-content-digest' }
  })
  expect(await headManifest(repo, 'headless')).toEqual({
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    size: manifest.bytes.length
  })
  expect(seen()).toEqual([
    'HEAD /v2/team/app/manifests/headless 200 omit-header',
    'GET /v2/team/app/manifests/headless 200'
  ])
})

test('tag lists are followed across pages (n and Link)', async () => {
  const target = repoHandle(client, 'team/paged', 'push')
  const manifest = await image(target, { os: 'linux', architecture: 'amd64' })
  const tags = ['1.0.0', '1.0.1', '1.1.0', '2.0.0', 'latest']
  for (const tag of tags) await putManifest(target, tag, manifest)
  proxy.reset()
  proxy.inject({
    method: 'GET',
    path: /\/tags\/list$/,
    times: Infinity,
    fault: { kind: 'paginate-tags' }
  })
  expect(await listTags(target, { pageSize: 2 })).toEqual(tags)
  expect(
    proxy
      .requests()
      .filter((r) => r.status === 200)
      .map((r) => r.query)
  ).toEqual(['n=2', 'last=1.0.1&n=2', 'last=2.0.0&n=2'])
})
