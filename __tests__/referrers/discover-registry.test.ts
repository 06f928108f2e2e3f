import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  addToReferrersTag,
  deleteManifest,
  cosignSignature,
  digestTag,
  DSSE,
  IN_TOTO,
  inTotoAttestation,
  OCI_CONFIG,
  pushArtifact,
  SPDX,
  spdxSbom,
  COSIGN_SIG_ARTIFACT,
  type Artifact
} from '../../__fixtures__/artifacts.js'
import {
  startReferrersRegistry,
  type ReferrersRegistry
} from '../../__fixtures__/services/referrers-registry.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import type { SeedTarget } from '../../__fixtures__/services/oci-seed.js'
import { inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { discoverRegistryReferrers } from '../../src/referrers/discover-registry.js'
import { TooManyReferrersError } from '../../src/referrers/walk.js'
import { imageLayers, repoOn, seedTwoPlatforms, shape, type TwoPlatformImage } from './helpers.js'

// The source side: one registry with the referrers API (Distribution behind
// the referrers proxy, token auth, as Docker Hub or ACR), one without
// (Distribution 2.8, where clients keep the referrers tag sha256-<hex>).
const user = { username: 'ci', password: 'referrers-secret' }
let apiRegistry: ReferrersRegistry
let plain: Registry
let onApi: SeedTarget
let onPlain: SeedTarget

beforeAll(async () => {
  apiRegistry = await startReferrersRegistry({ auth: 'token', users: [user] })
  plain = await startRegistry({ auth: 'none' })
  onApi = { url: apiRegistry.url, creds: user }
  onPlain = { url: plain.url }
}, 60_000)

afterAll(async () => {
  await apiRegistry?.stop()
  await plain?.stop()
})

/** An attestation of the index, an SBOM of the amd64 image and a signature of that SBOM. */
async function pushChain(
  target: SeedTarget,
  repo: string,
  image: TwoPlatformImage,
  reference: string
): Promise<{ attestation: Artifact; sbom: Artifact; sbomSignature: Artifact }> {
  const attestation = await pushArtifact(target, repo, inTotoAttestation({ subject: image.index }))
  const sbom = await pushArtifact(target, repo, spdxSbom({ subject: image.amd64 }))
  const sbomSignature = await pushArtifact(
    target,
    repo,
    cosignSignature({ subject: sbom, dockerReference: reference, withSubject: true })
  )
  return { attestation, sbom, sbomSignature }
}

const gets = (requests: readonly { method: string; path: string; status: number }[]) =>
  requests.filter((r) => r.method === 'GET' && r.status !== 401).map((r) => r.path)

describe('discovery on a registry source', () => {
  test('through the referrers API: every subject, then the referrers of referrers', async () => {
    const image = await seedTwoPlatforms(onApi, 'src/api', imageLayers())
    const chain = await pushChain(onApi, 'src/api', image, `${apiRegistry.host}/src/api`)
    apiRegistry.clearRequests()

    const found = await discoverRegistryReferrers(
      repoOn(apiRegistry.host, 'src/api', 'pull', user),
      image.subjects,
      { concurrency: 1 }
    )

    expect(found.map(shape)).toEqual([
      {
        digest: chain.attestation.digest,
        subject: image.index.digest,
        kind: 'attestation',
        via: { kind: 'subject' },
        artifactType: IN_TOTO
      },
      {
        digest: chain.sbom.digest,
        subject: image.amd64.digest,
        kind: 'sbom',
        via: { kind: 'subject' },
        artifactType: SPDX
      },
      {
        digest: chain.sbomSignature.digest,
        subject: chain.sbom.digest,
        kind: 'signature',
        via: { kind: 'subject' },
        artifactType: COSIGN_SIG_ARTIFACT
      }
    ])
    // Exact bytes, and the annotations a referrers listing carries.
    expect(Buffer.from(found[0]!.manifest.bytes).equals(chain.attestation.bytes)).toBe(true)
    expect(found[0]!.annotations).toEqual(chain.attestation.annotations)
    // One listing per subject and per referrer found; no tag was asked for,
    // as the tag list holds none of sha256-<hex>, .sig, .att, .sbom.
    const referrerDigests = [chain.attestation, chain.sbom, chain.sbomSignature].map(
      (a) => a.digest
    )
    expect(gets(apiRegistry.requests())).toEqual([
      '/v2/src/api/tags/list',
      ...image.subjects.map((d) => `/v2/src/api/referrers/${d}`),
      `/v2/src/api/manifests/${chain.attestation.digest}`,
      `/v2/src/api/manifests/${chain.sbom.digest}`,
      ...referrerDigests.slice(0, 2).map((d) => `/v2/src/api/referrers/${d}`),
      `/v2/src/api/manifests/${chain.sbomSignature.digest}`,
      `/v2/src/api/referrers/${chain.sbomSignature.digest}`
    ])
  })

  test('the API filters by artifactType and says so (the fixture, as the spec has it)', async () => {
    const image = await seedTwoPlatforms(onApi, 'src/filter', imageLayers())
    const chain = await pushChain(onApi, 'src/filter', image, `${apiRegistry.host}/src/filter`)
    await pushArtifact(onApi, 'src/filter', spdxSbom({ subject: image.index }))
    const token = await bearer(apiRegistry, 'src/filter')
    const url = `${apiRegistry.url}/v2/src/filter/referrers/${image.index.digest}?artifactType=${encodeURIComponent(IN_TOTO)}`
    const answer = await fetch(url, { headers: { authorization: token } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('oci-filters-applied')).toBe('artifactType')
    expect(await answer.json()).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: chain.attestation.digest,
          size: chain.attestation.size,
          artifactType: IN_TOTO,
          annotations: chain.attestation.annotations
        }
      ]
    })
    // Without credentials the registry's own challenge comes back.
    const anonymous = await fetch(url)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm=/)
  })

  test('through the referrers tag schema on Distribution 2.8, which has no API', async () => {
    const image = await seedTwoPlatforms(onPlain, 'src/schema', imageLayers())
    const chain = await pushChain(onPlain, 'src/schema', image, `${plain.host}/src/schema`)
    const indexTag = await addToReferrersTag(onPlain, 'src/schema', image.index.digest, [
      chain.attestation
    ])
    await addToReferrersTag(onPlain, 'src/schema', image.amd64.digest, [chain.sbom])
    await addToReferrersTag(onPlain, 'src/schema', chain.sbom.digest, [chain.sbomSignature])
    // skopeo, independently, reads the same referrers index under the tag.
    const raw = await inspectRaw(`${plain.host}/src/schema:${digestTag(image.index.digest)}`)
    expect(raw.equals(indexTag.bytes)).toBe(true)
    plain.clearRequests()

    const found = await discoverRegistryReferrers(
      repoOn(plain.host, 'src/schema', 'pull'),
      image.subjects,
      { concurrency: 4 }
    )

    expect(found.map((r) => [r.manifest.digest, r.subject, r.kind, r.via.kind])).toEqual([
      [chain.attestation.digest, image.index.digest, 'attestation', 'subject'],
      [chain.sbom.digest, image.amd64.digest, 'sbom', 'subject'],
      [chain.sbomSignature.digest, chain.sbom.digest, 'signature', 'subject']
    ])
    // The API is asked once per subject of the first level (all at once), 404
    // each, then never again; only the referrers tags that exist are read.
    const requests = plain.requests()
    expect(
      requests
        .filter((r) => r.path.includes('/referrers/'))
        .map((r) => `${r.path} ${r.status}`)
        .sort()
    ).toEqual(image.subjects.map((d) => `/v2/src/schema/referrers/${d} 404`).sort())
    expect(
      gets(requests)
        .filter((p) => p.includes('/manifests/sha256-'))
        .sort()
    ).toEqual(
      [image.index.digest, image.amd64.digest, chain.sbom.digest]
        .map((d) => `/v2/src/schema/manifests/${digestTag(d)}`)
        .sort()
    )
  })

  test("cosign's tags: .sig, .att and .sbom next to the image, and a .sig on the SBOM", async () => {
    const image = await seedTwoPlatforms(onPlain, 'src/cosign', imageLayers())
    const reference = `${plain.host}/src/cosign`
    const signature = await pushArtifact(
      onPlain,
      'src/cosign',
      cosignSignature({ subject: image.index, dockerReference: reference }),
      digestTag(image.index.digest, '.sig')
    )
    // cosign attest: a DSSE envelope under .att (no subject: the tag says it all).
    const attestation = inTotoAttestation({ subject: image.index, dsse: true })
    await pushArtifact(onPlain, 'src/cosign', attestation, digestTag(image.index.digest, '.att'))
    const sbom = await pushArtifact(
      onPlain,
      'src/cosign',
      spdxSbom({ subject: image.arm64 }),
      digestTag(image.arm64.digest, '.sbom')
    )
    const sbomSignature = await pushArtifact(
      onPlain,
      'src/cosign',
      cosignSignature({ subject: sbom, dockerReference: reference }),
      digestTag(sbom.digest, '.sig')
    )
    plain.clearRequests()

    const found = await discoverRegistryReferrers(
      repoOn(plain.host, 'src/cosign', 'pull'),
      image.subjects,
      { concurrency: 2 }
    )

    const tag = (digest: string, suffix: string) => ({
      kind: 'cosign-tag',
      tag: digestTag(digest, suffix)
    })
    expect(found.map(shape)).toEqual([
      {
        digest: signature.digest,
        subject: image.index.digest,
        kind: 'signature',
        via: tag(image.index.digest, '.sig'),
        artifactType: OCI_CONFIG
      },
      {
        digest: attestation.digest,
        subject: image.index.digest,
        kind: 'attestation',
        via: tag(image.index.digest, '.att'),
        artifactType: DSSE
      },
      {
        digest: sbom.digest,
        subject: image.arm64.digest,
        kind: 'sbom',
        via: tag(image.arm64.digest, '.sbom'),
        artifactType: SPDX
      },
      {
        digest: sbomSignature.digest,
        subject: sbom.digest,
        kind: 'signature',
        via: tag(sbom.digest, '.sig'),
        artifactType: OCI_CONFIG
      }
    ])
    // Only the tags in the tag list were asked for.
    expect(
      gets(plain.requests())
        .filter((p) => p.includes('/manifests/'))
        .sort()
    ).toEqual(
      [
        digestTag(image.index.digest, '.sig'),
        digestTag(image.index.digest, '.att'),
        digestTag(image.arm64.digest, '.sbom'),
        digestTag(sbom.digest, '.sig')
      ]
        .map((t) => `/v2/src/cosign/manifests/${t}`)
        .sort()
    )
  })

  test('a runaway listing stops at the cap, before reading the manifests', async () => {
    const image = await seedTwoPlatforms(onPlain, 'src/many', imageLayers())
    const artifacts: Artifact[] = []
    for (let i = 0; i < 3; i++)
      artifacts.push(
        await pushArtifact(
          onPlain,
          'src/many',
          spdxSbom({ subject: image.index, name: `app-${i}` })
        )
      )
    await addToReferrersTag(onPlain, 'src/many', image.index.digest, artifacts)
    const repo = repoOn(plain.host, 'src/many', 'pull')
    plain.clearRequests()

    await expect(
      discoverRegistryReferrers(repo, image.subjects, { concurrency: 2, maxReferrers: 2 })
    ).rejects.toThrow(TooManyReferrersError)
    expect(gets(plain.requests()).filter((p) => p.includes('/manifests/sha256:'))).toEqual([])
    const all = await discoverRegistryReferrers(repo, image.subjects, { concurrency: 2 })
    expect(all.map((r) => r.manifest.digest)).toEqual(artifacts.map((a) => a.digest))
  })

  test('a referrer the listing names but the registry no longer has is skipped and said', async () => {
    const image = await seedTwoPlatforms(onPlain, 'src/gone', imageLayers())
    const kept = await pushArtifact(onPlain, 'src/gone', spdxSbom({ subject: image.index }))
    const gone = await pushArtifact(
      onPlain,
      'src/gone',
      spdxSbom({ subject: image.index, name: 'deleted' })
    )
    await addToReferrersTag(onPlain, 'src/gone', image.index.digest, [kept, gone])
    // Deleting a manifest leaves the referrers tag that lists it as it was.
    await deleteManifest(onPlain, 'src/gone', gone.digest)
    const lines: string[] = []

    const found = await discoverRegistryReferrers(
      repoOn(plain.host, 'src/gone', 'pull'),
      image.subjects,
      { concurrency: 1, log: (line) => lines.push(line) }
    )

    expect(found.map((r) => r.manifest.digest)).toEqual([kept.digest])
    expect(lines).toEqual([
      `skipped referrer ${gone.digest} of ${image.index.digest}: it is listed but not there`
    ])
  })
})

/** A pull token for `repo`, as a client would get one. */
async function bearer(registry: ReferrersRegistry, repo: string): Promise<string> {
  const server = registry.tokenServer!
  const url = new URL(server.realm)
  url.searchParams.set('service', server.service)
  url.searchParams.set('scope', `repository:${repo}:pull`)
  const basic = Buffer.from(`${user.username}:${user.password}`).toString('base64')
  const answer = await fetch(url, { headers: { authorization: `Basic ${basic}` } })
  const body = (await answer.json()) as { token: string }
  return `Bearer ${body.token}`
}
