import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildahArchive,
  buildxLayout,
  OciLayout,
  sha256,
  skopeoRaw,
  writeArchive,
  type BuildahImage
} from '../../__fixtures__/archives.js'
import { releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import { startFaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import type { PublishEvent } from '../../src/push/events.js'
import { publishFailure } from '../../src/push/failure.js'
import { publish } from '../../src/push/publish.js'
import { prepareSource } from '../../src/push/session.js'

// Daemonless publishing from files: a buildah-built two-platform OCI archive
// to three registries (no auth, htpasswd, token), two repositories on the
// token one; skopeo judges what landed.
const user = { username: 'ci', password: 'publish-archive-secret' }
let open: Registry
let basic: Registry
let token: Registry
let logins: Record<string, typeof user>
let dir: string
let built: BuildahImage

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-archive-publish-'))
  ;[open, basic, token, built] = await Promise.all([
    startRegistry({ auth: 'none' }),
    startRegistry({ auth: 'htpasswd', users: [user] }),
    startRegistry({ auth: 'token', users: [user] }),
    buildahArchive(dir)
  ])
  logins = { [basic.host]: user, [token.host]: user }
}, 120_000)

afterAll(async () => {
  for (const r of [open, basic, token]) await r?.stop()
  await rm(dir, { recursive: true, force: true })
})

const clear = () => [open, basic, token].forEach((r) => r.clearRequests())

async function publishFile(source: string, targets: readonly string[], extra = {}) {
  const { plan, inputs } = releasePlan('1.2.3', targets, { source, ...extra })
  const prepared = await prepareSource(inputs)
  const run = testPublishEnv(logins)
  try {
    const result = await publish(plan, inputs.source!, inputs.publish, {
      ...run.env,
      ...(prepared ? { prepared } : {})
    })
    return { result, lines: run.lines }
  } finally {
    if (prepared?.kind === 'content') await prepared.close()
  }
}

/** Blob uploads that completed (the PUT closing a session), by path. */
const blobUploads = (r: Registry) =>
  writesOf(r.requests().filter((q) => q.status === 201)).filter(
    (w) => w.startsWith('PUT') && w.includes('/blobs/uploads/')
  )
const mounts = (r: Registry) =>
  r
    .requests()
    .filter((q) => q.method === 'POST' && q.status === 201 && q.path.includes('/blobs/uploads/'))

const TAGS = ['1.2.3', '1.2', '1', 'latest']

describe('a buildah-built two-platform OCI archive', () => {
  test('lands on three registries with the archive’s own index digest; a re-run writes nothing', async () => {
    const raw = await skopeoRaw(`oci-archive:${built.archive}`, dir)
    const digest = sha256(raw)
    const targets = [
      `${open.host}/acme/app`,
      `${basic.host}/acme/app`,
      `${token.host}/acme/app`,
      `${token.host}/acme/mirror`
    ]
    clear()
    const { result, lines } = await publishFile(`oci-archive:${built.archive}`, targets)
    expect(publishFailure(result)).toBeUndefined()
    expect(result.digest).toBe(digest)
    const index = JSON.parse(raw.toString()) as {
      manifests: { digest: string; platform: { architecture: string } }[]
    }
    // buildah builds the platforms in parallel: either may come first.
    const platforms = index.manifests.map((m) => `linux/${m.platform.architecture}`)
    expect([...platforms].sort()).toEqual(['linux/amd64', 'linux/arm64'])
    for (const target of targets) {
      for (const tag of TAGS) {
        const creds = target.startsWith(open.host) ? {} : { creds: user }
        expect((await inspectRaw(`${target}:${tag}`, creds)).equals(raw)).toBe(true)
      }
      // Both platform manifests are there, by digest.
      for (const m of index.manifests)
        expect(await inspectDigest(`${target}@${m.digest}`, { creds: user })).toBe(m.digest)
    }
    // buildah shares nothing between the platforms here: 2 configs + 2 layers.
    // Each registry receives each blob once; the second repository on the
    // token registry mounts all four from the first.
    for (const r of [open, basic]) expect(blobUploads(r)).toHaveLength(4)
    expect(blobUploads(token)).toHaveLength(4)
    expect(mounts(token)).toHaveLength(4)
    expect(lines).toContain(`info: ${digest} (application/vnd.oci.image.index.v1+json)`)
    expect(lines).toContain(`info: platforms: ${platforms.join(', ')}`)

    clear()
    const again = await publishFile(`oci-archive:${built.archive}`, targets)
    expect(again.result.targets.flatMap((t) => t.tags.map((x) => x.status))).toEqual(
      Array(16).fill('already there')
    )
    for (const r of [open, basic, token]) expect(writesOf(r.requests())).toEqual([])
  }, 120_000)

  test('oci:DIR and a gzip-compressed archive publish the same digest', async () => {
    const digest = sha256(await skopeoRaw(`oci:${built.layout}`, dir))
    const { result } = await publishFile(`oci:${built.layout}`, [`${open.host}/layout/app`])
    expect(result.digest).toBe(digest)
    const { readFile } = await import('node:fs/promises')
    const gz = await writeArchive(join(dir, 'image.tar.gz'), await readFile(built.archive), {
      gzip: true
    })
    const compressed = await publishFile(`oci-archive:${gz}`, [`${open.host}/gzip/app`])
    expect(compressed.result.digest).toBe(digest)
    expect(await inspectDigest(`${open.host}/gzip/app:1.2.3`)).toBe(digest)
  }, 60_000)

  test('one platform kept: its manifest is published, with its own digest', async () => {
    const raw = await skopeoRaw(`oci-archive:${built.archive}`, dir)
    const index = JSON.parse(raw.toString()) as {
      manifests: { digest: string; platform: { architecture: string } }[]
    }
    const arm64 = index.manifests.find((m) => m.platform.architecture === 'arm64')!.digest
    const { result, lines } = await publishFile(
      `oci-archive:${built.archive}`,
      [`${open.host}/arm/app`],
      { platforms: 'linux/arm64' }
    )
    expect(result.digest).toBe(arm64)
    expect(await inspectDigest(`${open.host}/arm/app:1.2.3`)).toBe(arm64)
    expect(lines).toContain(
      `info: platforms filter: kept linux/arm64, dropped linux/amd64; the published digest ${arm64} differs from the source's ${sha256(raw)}`
    )
  }, 60_000)
})

describe('a buildx-shaped archive: two platforms, two attestation manifests', () => {
  test('every manifest lands; the filter drops the attestation of a dropped platform', async () => {
    const image = buildxLayout()
    const archive = await writeArchive(join(dir, 'buildx.tar'), image.layout.tar())
    const whole = await publishFile(`oci-archive:${archive}`, [`${basic.host}/buildx/app`])
    expect(whole.result.digest).toBe(image.index.digest)
    for (const d of [image.amd64.manifest, image.arm64.manifest, ...image.attestations])
      expect(await inspectDigest(`${basic.host}/buildx/app@${d.digest}`, { creds: user })).toBe(
        d.digest
      )
    expect(whole.lines).toContain(
      'info: platforms: linux/amd64, linux/arm64; 2 attestation manifest(s)'
    )

    const kept = await publishFile(`oci-archive:${archive}`, [`${basic.host}/buildx/amd`], {
      platforms: 'linux/amd64',
      'platforms-keep-index': 'true'
    })
    const written = JSON.parse(
      (await inspectRaw(`${basic.host}/buildx/amd:1.2.3`, { creds: user })).toString()
    ) as { manifests: { digest: string }[] }
    expect(written.manifests.map((m) => m.digest)).toEqual([
      image.amd64.manifest.digest,
      image.attestations[0]!.digest
    ])
    expect(kept.result.digest).not.toBe(image.index.digest)
    expect(kept.result.platforms).toEqual({
      kept: ['linux/amd64'],
      dropped: ['linux/arm64'],
      sourceDigest: image.index.digest
    })
  }, 60_000)
})

describe('referrers carried in an OCI layout', () => {
  test('a signature stored next to the image in the layout lands with it', async () => {
    const layout = new OciLayout()
    const layer = randomBytes(4096)
    const image = layout.image({
      config: { os: 'linux', architecture: 'amd64' },
      layers: [{ bytes: layer }]
    })
    layout.tag(image, 'v1')
    const sbom = layout.image({
      config: {},
      configMediaType: 'application/vnd.oci.empty.v1+json',
      artifactType: 'application/spdx+json',
      layers: [{ bytes: '{"spdxVersion":"SPDX-2.3"}', mediaType: 'application/spdx+json' }],
      subject: image
    })
    layout.tag(sbom)
    const archive = await writeArchive(join(dir, 'with-sbom.tar'), layout.tar())
    const target = `${basic.host}/layout/signed`
    const { result } = await publishFile(`oci-archive:${archive}`, [target])
    expect(publishFailure(result)).toBeUndefined()
    expect(result.targets[0]!.referrers).toEqual([
      {
        digest: sbom.digest,
        subject: image.digest,
        kind: 'sbom',
        where: `referrers tag ${image.digest.replace(':', '-')}`,
        status: 'copied'
      }
    ])
    const tagIndex = JSON.parse(
      (await inspectRaw(`${target}:${image.digest.replace(':', '-')}`, { creds: user })).toString()
    ) as { manifests: { digest: string }[] }
    expect(tagIndex.manifests.map((m) => m.digest)).toEqual([sbom.digest])
  }, 60_000)
})

describe('a connection reset in the middle of a blob read from the archive', () => {
  test('the upload starts again from the archive, and the publish completes', async () => {
    const proxy = await startFaultProxy(basic.url)
    try {
      const layout = new OciLayout()
      const layer = randomBytes(1024 * 1024)
      const image = layout.image({
        config: { os: 'linux', architecture: 'amd64' },
        layers: [{ bytes: layer }]
      })
      layout.tag(image, 'v1')
      const archive = await writeArchive(join(dir, 'reset.tar'), layout.tar())
      const layerDigest = sha256(layer)
      proxy.inject({
        method: 'PUT',
        path: /\/blobs\/uploads\//,
        minBody: 512 * 1024,
        fault: { kind: 'reset', afterBytes: 300 * 1024 }
      })
      const saved = logins
      logins = { ...logins, [proxy.host]: user }
      const { result, lines } = await publishFile(`oci-archive:${archive}`, [
        `${proxy.host}/reset/app`
      ])
      logins = saved
      expect(publishFailure(result)).toBeUndefined()
      expect(result.digest).toBe(image.digest)
      // Two uploads of the layer: the one cut off, then the whole one, read from the archive again.
      const layerPuts = proxy
        .requests()
        .filter(
          (r) =>
            r.method === 'PUT' &&
            r.path.includes('/blobs/uploads/') &&
            r.query.includes(layerDigest.replace(':', '%3A'))
        )
        .map((r) => r.fault)
      expect(layerPuts).toEqual(['reset', 'pass'])
      expect(lines.filter((l) => l.startsWith('retry: '))).toHaveLength(1)
      expect(await inspectDigest(`${proxy.host}/reset/app:1.2.3`, { creds: user })).toBe(
        image.digest
      )
    } finally {
      await proxy.stop()
    }
  }, 60_000)
})

describe('typed events', () => {
  test('a publish reports each target’s phases, blobs and tags as it goes', async () => {
    const image = buildxLayout()
    const archive = await writeArchive(join(dir, 'events.tar'), image.layout.tar())
    const target = `${open.host}/events/app`
    const { plan, inputs } = releasePlan('1.2.3', [target], { source: `oci-archive:${archive}` })
    const prepared = await prepareSource(inputs)
    const events: PublishEvent[] = []
    try {
      await publish(plan, inputs.source!, inputs.publish, {
        ...testPublishEnv(logins).env,
        ...(prepared ? { prepared } : {}),
        events: (e) => events.push(e)
      })
    } finally {
      if (prepared?.kind === 'content') await prepared.close()
    }
    expect(events.filter((e) => e.kind === 'phase').map((e) => e.phase)).toEqual([
      'reading',
      'sending content',
      'writing tags',
      'verifying',
      'verified'
    ])
    const blobs = events.flatMap((e) => (e.kind === 'blob' ? [`${e.how} ${e.digest}`] : []))
    const expected = new Set(
      [image.amd64, image.arm64].flatMap((p) => [p.config, ...p.layers].map((d) => d.digest))
    )
    // Every distinct blob of both platforms and both attestations, once each.
    expect(blobs.length).toBe(new Set(blobs).size)
    for (const digest of expected) expect(blobs).toContain(`uploaded ${digest}`)
    expect(
      events.flatMap((e) => (e.kind === 'tag' ? [`${e.target}:${e.tag} ${e.status}`] : [])).sort()
    ).toEqual(TAGS.map((t) => `${target}:${t} pushed`).sort())
  }, 60_000)
})

describe('an archive changed after it was checked', () => {
  test('the registry refuses the changed blob (its digest is checked on upload), and no tag moves', async () => {
    const layout = new OciLayout()
    const layer = randomBytes(8192)
    const image = layout.image({
      config: { os: 'linux', architecture: 'amd64' },
      layers: [{ bytes: layer }]
    })
    layout.tag(image, 'v1')
    const tar = layout.tar()
    const archive = await writeArchive(join(dir, 'changed.tar'), tar)
    const target = `${open.host}/changed/app`
    const { plan, inputs } = releasePlan('1.2.3', [target], { source: `oci-archive:${archive}` })
    const prepared = await prepareSource(inputs)
    try {
      // Same size, other bytes: only a digest check can tell.
      tar[tar.indexOf(layer) + 100]! ^= 0xff
      await writeArchive(archive, tar)
      const result = await publish(plan, inputs.source!, inputs.publish, {
        ...testPublishEnv(logins).env,
        ...(prepared ? { prepared } : {})
      })
      expect(result.targets[0]!.tags.map((t) => t.status)).toEqual(Array(4).fill('failed'))
      expect(result.targets[0]!.tags[0]!.detail).toMatch(
        /^the content could not be pushed: uploading blob .+ failed: DIGEST_INVALID \(HTTP 400\)/
      )
    } finally {
      if (prepared?.kind === 'content') await prepared.close()
    }
    expect(await inspectDigest(`${target}:1.2.3`).catch(() => 'absent')).toBe('absent')
  }, 60_000)
})
