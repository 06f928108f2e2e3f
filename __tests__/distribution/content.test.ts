import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  startRegistry,
  type Registry,
  type RegistryAuth
} from '../../__fixtures__/services/registry.js'
import { openBlob } from '../../src/distribution/blob-download.js'
import { uploadBlob } from '../../src/distribution/blob-upload.js'
import { hasBlob, mountBlob } from '../../src/distribution/blobs.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { getManifest, headManifest, putManifest } from '../../src/distribution/manifests.js'
import { manifestChildren, OCI_INDEX, OCI_MANIFEST } from '../../src/distribution/media-types.js'
import { repoHandle, type RepoHandle } from '../../src/distribution/repo.js'
import { listTags } from '../../src/distribution/tags.js'
import { blobOf, failure, image, index, readAll, sha256 } from './content-helpers.js'

const ALICE = { username: 'alice', password: 'alice-pass-42', repositories: ['team/*'] }
const noWait = async (): Promise<void> => undefined

/** What the client asked after the auth handshake: method, path and status of each non-401 request. */
function exchanges(registry: Registry, from = 0): string[] {
  return registry
    .requests()
    .slice(from)
    .filter((r) => r.status !== 401)
    .map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '<uuid>')} ${r.status}`)
}

describe.each<RegistryAuth>(['none', 'htpasswd', 'token'])(
  'against a registry with auth %s',
  (auth) => {
    let registry: Registry
    let client: RegistryClient
    let repo: (path: string, access?: 'pull' | 'push') => RepoHandle
    beforeAll(async () => {
      registry = await startRegistry({ auth, ...(auth === 'none' ? {} : { users: [ALICE] }) })
      client = new RegistryClient(
        registry.host,
        auth === 'none' ? undefined : ALICE,
        () => undefined,
        {
          sleep: noWait
        }
      )
      repo = (path, access = 'push') => repoHandle(client, path, access)
    })
    afterAll(() => registry?.stop())

    test('a blob is uploaded in one streamed PUT, found by HEAD and read back verified', async () => {
      const target = repo('team/blobs')
      const bytes = randomBytes(300_000)
      const blob = blobOf(bytes, { pieces: 7 })
      expect(await hasBlob(target, blob.digest)).toBe(false)
      const from = registry.requests().length
      await uploadBlob(target, blob)
      expect(exchanges(registry, from)).toEqual([
        'POST /v2/team/blobs/blobs/uploads/ 202',
        'PUT /v2/team/blobs/blobs/uploads/<uuid> 201'
      ])
      expect(await hasBlob(target, blob.digest)).toBe(true)
      const back = await readAll(await openBlob(repo('team/blobs', 'pull'), blob))
      expect(back.equals(bytes)).toBe(true)
    })

    test('a web stream uploads too, and an empty blob', async () => {
      const target = repo('team/blobs')
      const bytes = randomBytes(5000)
      await uploadBlob(target, blobOf(bytes, { web: true, pieces: 3 }))
      await uploadBlob(target, blobOf(Buffer.alloc(0)))
      expect(await hasBlob(target, sha256(bytes))).toBe(true)
      expect(await hasBlob(target, sha256(Buffer.alloc(0)))).toBe(true)
      expect((await readAll(await openBlob(target, blobOf(Buffer.alloc(0))))).length).toBe(0)
    })

    test('a download of the wrong size is refused before any byte is passed on', async () => {
      const target = repo('team/blobs')
      const bytes = randomBytes(100)
      await uploadBlob(target, blobOf(bytes))
      const e = await failure(() => openBlob(target, { digest: sha256(bytes), size: 99 }))
      expect(e.message).toBe(
        `${registry.host}/team/blobs@${sha256(bytes)}: the registry sent 100 bytes where the manifest says 99: the registry (or something between) served other content than asked for; run again, and check the registry if it persists`
      )
    })

    test('a blob is mounted from another repository of the registry (201)', async () => {
      const bytes = randomBytes(2048)
      await uploadBlob(repo('team/source'), blobOf(bytes))
      const target = repo('team/mounted')
      expect(await mountBlob(target, sha256(bytes), 'team/source')).toEqual({ mounted: true })
      expect(await hasBlob(target, sha256(bytes))).toBe(true)
    })

    test('a mount from the repository itself answers whether it holds the blob', async () => {
      const bytes = randomBytes(2048)
      const target = repo('team/self')
      await uploadBlob(target, blobOf(bytes))
      const from = registry.requests().length
      expect(await mountBlob(target, sha256(bytes), 'team/self')).toEqual({ mounted: true })
      // The recorded path has no query: one POST, answered 201, no upload.
      expect(exchanges(registry, from)).toEqual(['POST /v2/team/self/blobs/uploads/ 201'])
    })

    test('a refused mount (the source lacks the blob: 202) opens the session the upload then uses', async () => {
      const bytes = randomBytes(2048)
      const target = repo('team/mounted')
      const from = registry.requests().length
      const answer = await mountBlob(target, sha256(bytes), 'team/empty')
      expect(answer).toEqual({
        mounted: false,
        session: {
          location: expect.stringMatching(
            new RegExp(
              `^http://${registry.host}/v2/team/mounted/blobs/uploads/[0-9a-f-]{36}\\?_state=`
            )
          ),
          minChunk: 0
        }
      })
      await uploadBlob(target, blobOf(bytes), answer.mounted ? undefined : answer.session)
      expect(exchanges(registry, from)).toEqual([
        'POST /v2/team/mounted/blobs/uploads/ 202',
        'PUT /v2/team/mounted/blobs/uploads/<uuid> 201'
      ])
      expect(await hasBlob(target, sha256(bytes))).toBe(true)
    })

    if (auth === 'token')
      test('a mount from a repository the token does not cover answers false', async () => {
        const bytes = randomBytes(2048)
        const target = repo('team/mounted')
        registry.tokenServer!.clearRequests()
        const from = registry.requests().length
        expect(await mountBlob(target, sha256(bytes), 'other/base')).toEqual({ mounted: false })
        expect(registry.tokenServer!.requests().map((r) => [r.scopes, r.granted])).toEqual([
          [
            ['repository:team/mounted:pull,push', 'repository:other/base:pull'],
            [{ type: 'repository', name: 'team/mounted', actions: ['pull', 'push'] }]
          ]
        ])
        // The token server leaves out the pull on other/base; Distribution answers
        // 401 (insufficient scope), and a token fetched for this very request is not fetched again.
        expect(
          registry
            .requests()
            .slice(from)
            .map((r) => [r.method, r.authorization, r.status])
        ).toEqual([['POST', 'bearer', 401]])
      })

    test('an image manifest: PUT by digest and by tag, HEAD and GET give the exact bytes', async () => {
      const target = repo('team/app')
      const manifest = await image(target, { os: 'linux', architecture: 'amd64' }, 2)
      expect(await headManifest(target, manifest.digest)).toBeUndefined()
      await putManifest(target, manifest.digest, manifest)
      await putManifest(target, '1.0.0', manifest)
      expect(await headManifest(target, '1.0.0')).toEqual({
        digest: manifest.digest,
        mediaType: OCI_MANIFEST,
        size: manifest.bytes.length
      })
      const byTag = await getManifest(repo('team/app', 'pull'), '1.0.0')
      expect(byTag).toEqual({
        bytes: expect.anything(),
        mediaType: OCI_MANIFEST,
        digest: manifest.digest
      })
      expect(Buffer.from(byTag.bytes).equals(Buffer.from(manifest.bytes))).toBe(true)
      const byDigest = await getManifest(target, manifest.digest)
      expect(byDigest.digest).toBe(manifest.digest)
      expect(manifestChildren(byDigest).blobs.map((b) => b.digest)).toEqual(
        manifestChildren(manifest).blobs.map((b) => b.digest)
      )
    })

    test('an OCI index of two platforms: children by digest first, then the index under a tag', async () => {
      const target = repo('team/multi')
      const amd64 = await image(target, { os: 'linux', architecture: 'amd64' })
      const arm64 = await image(target, { os: 'linux', architecture: 'arm64' })
      const top = index([
        { manifest: amd64, os: 'linux', architecture: 'amd64' },
        { manifest: arm64, os: 'linux', architecture: 'arm64' }
      ])
      const early = await failure(() => putManifest(target, '2.0.0', top))
      expect([early.code, early.status]).toEqual(['MANIFEST_BLOB_UNKNOWN', 400])
      expect(early.message).toBe(
        `pushing manifest ${registry.host}/team/multi:2.0.0 failed: MANIFEST_BLOB_UNKNOWN (HTTP 400): a blob or child manifest it references is missing from team/multi: push those first`
      )
      await putManifest(target, amd64.digest, amd64)
      await putManifest(target, arm64.digest, arm64)
      await putManifest(target, '2.0.0', top)
      const read = await getManifest(target, '2.0.0')
      expect([read.mediaType, read.digest]).toEqual([OCI_INDEX, top.digest])
      expect(
        manifestChildren(read).manifests.map((m) => [m.digest, m.platform?.architecture])
      ).toEqual([
        [amd64.digest, 'amd64'],
        [arm64.digest, 'arm64']
      ])
      expect(await headManifest(target, '2.0.0')).toEqual({
        digest: top.digest,
        mediaType: OCI_INDEX,
        size: top.bytes.length
      })
    })

    test('a manifest is never stored under another digest, and an unknown one is explained', async () => {
      const target = repo('team/app')
      const manifest = await image(target, { os: 'linux', architecture: 'amd64' })
      const other = `sha256:${'0'.repeat(64)}`
      expect((await failure(() => putManifest(target, other, manifest))).message).toBe(
        `cannot store manifest ${manifest.digest} under the digest ${other}`
      )
      const e = await failure(() => getManifest(target, 'no-such-tag'))
      expect([e.code, e.status, e.message]).toEqual([
        'MANIFEST_UNKNOWN',
        404,
        `reading manifest ${registry.host}/team/app:no-such-tag failed: MANIFEST_UNKNOWN (HTTP 404): no such manifest: check the tag or digest`
      ])
      expect(await headManifest(target, 'no-such-tag')).toBeUndefined()
    })

    test('tags are listed (Distribution 2.8.2: one page, any order); an unknown repository has none', async () => {
      const target = repo('team/tags')
      const manifest = await image(target, { os: 'linux', architecture: 'amd64' })
      const tags = ['1.0.0', '1.0.1', '1.1.0', '2.0.0', 'latest']
      for (const tag of tags) await putManifest(target, tag, manifest)
      const from = registry.requests().length
      expect((await listTags(target)).sort()).toEqual(tags)
      expect(
        registry
          .requests()
          .slice(from)
          .filter((r) => r.status !== 401)
          .map((r) => r.query)
      ).toEqual(['n=1000'])
      expect(await listTags(repo('team/nothing-here'))).toEqual([])
    })
  }
)
