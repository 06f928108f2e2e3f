import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { startLatencyProxy, type LatencyProxy } from '../../__fixtures__/services/latency-proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { discard } from '../../src/distribution/discard.js'
import { findManifest, headManifest, putManifest } from '../../src/distribution/manifests.js'
import { repoHandle } from '../../src/distribution/repo.js'
import { listTags, tagListsOnce } from '../../src/distribution/tags.js'
import { image } from './content-helpers.js'

// The latency proxy (no delay here) counts the connections clients open and
// the requests each carried: the judge of what a client reuses.
const ALICE = { username: 'alice', password: 'alice-pass-42', repositories: ['team/*'] }
const mask = (): void => undefined
const heads = (proxy: LatencyProxy) =>
  proxy.requests().map((r) => `#${r.connection} ${r.method} ${r.target.split('?')[0]}`)

describe.each(['htpasswd', 'token'] as const)('keep-alive against a %s registry', (auth) => {
  let registry: Registry
  let proxy: LatencyProxy
  beforeAll(async () => {
    registry = await startRegistry({ auth, users: [ALICE] })
    proxy = await startLatencyProxy({
      targetPort: Number(registry.host.split(':')[1]),
      oneWayMs: 0
    })
  })
  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
  })
  beforeEach(() => proxy.clear())

  test('the login check: the 401 and the request after it share one connection', async () => {
    const client = new RegistryClient(proxy.host, ALICE, mask)
    await client.checkLogin()
    // The first request also went out over TLS (refused by the plain proxy: not an HTTP request).
    expect(heads(proxy).filter((h) => h.includes('/v2/'))).toEqual([
      expect.stringMatching(/^#\d+ GET \/v2\/$/),
      expect.stringMatching(/^#\d+ GET \/v2\/$/)
    ])
    const connections = new Set(proxy.requests().map((r) => r.connection))
    expect(connections.size).toBe(1)
  })

  test('a wave of reads leaves its connections to the writes and the checks after it', async () => {
    const client = new RegistryClient(proxy.host, ALICE, mask)
    await client.checkLogin()
    const repo = repoHandle(client, `team/keep-${auth}`, 'push')
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' })
    const tags = ['1.0.0', '1.0', '1', 'latest', 'stable']
    proxy.clear()
    const before = proxy.counts().connections
    expect(await Promise.all(tags.map((t) => findManifest(repo, t)))).toEqual(
      tags.map(() => undefined)
    )
    const opened = proxy.counts().connections - before
    expect(opened).toBeLessThanOrEqual(tags.length)
    await Promise.all(tags.map((t) => putManifest(repo, t, manifest)))
    expect(await Promise.all(tags.map((t) => findManifest(repo, t)))).toEqual(
      tags.map(() => ({
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        size: manifest.bytes.length
      }))
    )
    // Reads (404s), writes and reads again: no connection beyond the first wave's.
    expect(proxy.counts().connections - before).toBe(opened)
    expect(proxy.counts().requests).toBe(3 * tags.length)
    const methods = proxy.requests().map((r) => r.method)
    expect(methods).toEqual([
      ...tags.map(() => 'GET'),
      ...tags.map(() => 'PUT'),
      ...tags.map(() => 'GET')
    ])
  })

  test('a HEAD costs its connection (fetch closes it), so findManifest reads with a GET', async () => {
    const client = new RegistryClient(proxy.host, ALICE, mask)
    await client.checkLogin()
    const repo = repoHandle(client, `team/head-${auth}`, 'push')
    proxy.clear()
    for (let i = 0; i < 3; i++) expect(await headManifest(repo, `missing-${i}`)).toBeUndefined()
    const afterHeads = proxy.counts().connections
    for (let i = 0; i < 3; i++) expect(await findManifest(repo, `missing-${i}`)).toBeUndefined()
    // Each HEAD after the first needed a new connection; the GETs then shared one.
    expect(afterHeads).toBe(2)
    expect(proxy.counts().connections - afterHeads).toBe(1)
  })

  test('tagListsOnce: one tags/list per repository however many ask', async () => {
    const client = new RegistryClient(proxy.host, ALICE, mask)
    await client.checkLogin()
    const target = repoHandle(client, `team/list-${auth}`, 'push')
    const manifest = await image(target, { os: 'linux', architecture: 'arm64' })
    await putManifest(target, 'v1', manifest)
    const source = repoHandle(client, `team/list-${auth}`, 'pull')
    const other = repoHandle(client, `team/other-${auth}`, 'push')
    proxy.clear()
    const lists = tagListsOnce()
    expect(await Promise.all([lists(target), lists(source), lists(other), lists(target)])).toEqual([
      ['v1'],
      ['v1'],
      [],
      ['v1']
    ])
    expect(heads(proxy).map((h) => h.replace(/^#\d+ /, ''))).toEqual(
      expect.arrayContaining([
        `GET /v2/team/list-${auth}/tags/list`,
        `GET /v2/team/other-${auth}/tags/list`
      ])
    )
    expect(heads(proxy).filter((h) => h.includes('/tags/list'))).toHaveLength(2)
    expect(await listTags(target)).toEqual(['v1'])
  })
})

describe('discard', () => {
  const response = (body: string | null, headers: Record<string, string> = {}) =>
    new Response(body, { status: 404, headers })

  test.each<[string, string | null, Record<string, string>, number]>([
    ['a small body is read to its end', 'x'.repeat(100), {}, 100],
    ['no body', null, {}, 0],
    [
      'a body announced larger than the limit is cancelled unread',
      'x'.repeat(200),
      { 'content-length': '200' },
      0
    ],
    ['a body that grows past the limit is cancelled there', 'x'.repeat(200), {}, 200]
  ])('%s', async (_, body, headers, read) => {
    const r = response(body, headers)
    let seen = 0
    const counted = r.body?.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength
          controller.enqueue(chunk)
        }
      })
    )
    await discard(counted ? new Response(counted, { headers }) : r, 150)
    expect(seen).toBe(read)
  })

  test('a body that stalls is given up after the wait', async () => {
    let cancelled = false
    const stalled = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new Uint8Array(3)),
      cancel: () => void (cancelled = true)
    })
    await discard(new Response(stalled), 1024, 20)
    expect(cancelled).toBe(true)
  })
})
