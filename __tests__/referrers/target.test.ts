import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  addToReferrersTag,
  cosignSignature,
  deleteManifest,
  digestTag,
  inTotoAttestation,
  listing,
  pushArtifact,
  referrersIndex,
  spdxSbom,
  type Artifact
} from '../../__fixtures__/artifacts.js'
import { writesOf } from '../../__fixtures__/publish.js'
import type { SeedTarget } from '../../__fixtures__/services/oci-seed.js'
import {
  startReferrersRegistry,
  type ReferrersRegistry
} from '../../__fixtures__/services/referrers-registry.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { registryContent, type ContentSource } from '../../src/distribution/content-source.js'
import type { RepoHandle } from '../../src/distribution/repo.js'
import { listTags } from '../../src/distribution/tags.js'
import { discoverRegistryReferrers } from '../../src/referrers/discover-registry.js'
import {
  readTargetReferrers,
  verifyReferrers,
  writeReferrers,
  type ReferrerOutcome
} from '../../src/referrers/target.js'
import type { Referrer } from '../../src/referrers/types.js'
import { imageLayers, repoOn, seedTwoPlatforms, type TwoPlatformImage } from './helpers.js'

// The source: Distribution 2.8 with the referrers tag schema and a cosign
// .sig. The targets: one with the referrers API (token auth), one without
// (Distribution 2.8, htpasswd). The image itself is on every target already,
// as publish writes it before its referrers.
const user = { username: 'ci', password: 'referrers-target-secret' }
let source: Registry
let apiTarget: ReferrersRegistry
let plainTarget: Registry
let onSource: SeedTarget
let onApi: SeedTarget
let onPlain: SeedTarget

beforeAll(async () => {
  source = await startRegistry({ auth: 'none' })
  apiTarget = await startReferrersRegistry({ auth: 'token', users: [{ ...user, actions: ['*'] }] })
  plainTarget = await startRegistry({ auth: 'htpasswd', users: [user] })
  onSource = { url: source.url }
  onApi = { url: apiTarget.url, creds: user }
  onPlain = { url: plainTarget.url, creds: user }
}, 60_000)

afterAll(async () => {
  await source?.stop()
  await apiTarget?.stop()
  await plainTarget?.stop()
})

interface Prepared {
  readonly image: TwoPlatformImage
  readonly layers: [Buffer, Buffer]
  readonly attestation: Artifact
  readonly signature: Artifact
  readonly sbom: Artifact
  readonly sbomSignature: Artifact
  readonly content: ContentSource
  /** As discovery finds them: attestation, signature (.sig), SBOM, the SBOM's signature. */
  readonly referrers: Referrer[]
}

/** A source image with an attestation, a cosign .sig, an SBOM and a signature of the SBOM. */
async function prepare(name: string): Promise<Prepared> {
  const repo = `src/${name}`
  const layers = imageLayers()
  const image = await seedTwoPlatforms(onSource, repo, layers)
  const attestation = await pushArtifact(
    onSource,
    repo,
    inTotoAttestation({ subject: image.index })
  )
  const signature = await pushArtifact(
    onSource,
    repo,
    cosignSignature({ subject: image.index, dockerReference: `${source.host}/${repo}` }),
    digestTag(image.index.digest, '.sig')
  )
  const sbom = await pushArtifact(onSource, repo, spdxSbom({ subject: image.amd64 }))
  const sbomSignature = await pushArtifact(
    onSource,
    repo,
    cosignSignature({ subject: sbom, dockerReference: `${source.host}/${repo}`, withSubject: true })
  )
  await addToReferrersTag(onSource, repo, image.index.digest, [attestation])
  await addToReferrersTag(onSource, repo, image.amd64.digest, [sbom])
  await addToReferrersTag(onSource, repo, sbom.digest, [sbomSignature])
  const sourceRepo = repoOn(source.host, repo, 'pull')
  const referrers = await discoverRegistryReferrers(sourceRepo, image.subjects, { concurrency: 4 })
  expect(referrers.map((r) => r.manifest.digest)).toEqual(
    [attestation, signature, sbom, sbomSignature].map((a) => a.digest)
  )
  return {
    image,
    layers,
    attestation,
    signature,
    sbom,
    sbomSignature,
    content: registryContent(sourceRepo),
    referrers
  }
}

/** Read what the target holds, then write; the log lines and outcomes. */
async function copyTo(target: RepoHandle, p: Prepared, content = p.content) {
  const state = await readTargetReferrers(target, p.referrers, await listTags(target))
  const lines: string[] = []
  const outcomes = await writeReferrers(content, target, p.referrers, state, {
    concurrency: 4,
    log: (line) => lines.push(line)
  })
  return { outcomes, lines }
}

const table = (outcomes: readonly ReferrerOutcome[]) =>
  outcomes.map((o) => [o.referrer.manifest.digest, o.status, o.via, o.detail])
const manifestWrites = (writes: readonly string[]) =>
  writes.filter((w) => w.includes('/manifests/')).sort()
const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown

describe('copying referrers to a target', () => {
  test('a target with the referrers API lists them itself: no referrers tag is written', async () => {
    const p = await prepare('api')
    await seedTwoPlatforms(onApi, 'acme/api', p.layers)
    const target = repoOn(apiTarget.host, 'acme/api', 'push', user)
    apiTarget.clearRequests()

    const { outcomes } = await copyTo(target, p)

    expect(table(outcomes)).toEqual([
      [p.attestation.digest, 'copied', 'api', undefined],
      [p.signature.digest, 'copied', 'cosign-tag', undefined],
      [p.sbom.digest, 'copied', 'api', undefined],
      [p.sbomSignature.digest, 'copied', 'api', undefined]
    ])
    const sigTag = digestTag(p.image.index.digest, '.sig')
    expect(manifestWrites(writesOf(apiTarget.requests()))).toEqual(
      [p.attestation.digest, sigTag, p.sbom.digest, p.sbomSignature.digest]
        .map((ref) => `PUT /v2/acme/api/manifests/${ref}`)
        .sort()
    )
    // The registry answered each PUT with OCI-Subject and lists them.
    expect(apiTarget.listed('acme/api', p.image.index.digest)).toEqual([listing(p.attestation)])
    expect(apiTarget.listed('acme/api', p.image.amd64.digest)).toEqual([listing(p.sbom)])
    expect(apiTarget.listed('acme/api', p.sbom.digest)).toEqual([listing(p.sbomSignature)])
    // skopeo reads the same bytes back.
    const ref = `${apiTarget.host}/acme/api`
    expect(
      (await inspectRaw(`${ref}@${p.attestation.digest}`, { creds: user })).equals(
        p.attestation.bytes
      )
    ).toBe(true)
    expect(await inspectDigest(`${ref}:${sigTag}`, { creds: user })).toBe(p.signature.digest)
    expect(await verifyReferrers(target, outcomes)).toEqual([])

    // Again: everything is there, and nothing is written.
    apiTarget.clearRequests()
    const again = await copyTo(target, p)
    expect(table(again.outcomes)).toEqual([
      [p.attestation.digest, 'already there', 'api', undefined],
      [p.signature.digest, 'already there', 'cosign-tag', undefined],
      [p.sbom.digest, 'already there', 'api', undefined],
      [p.sbomSignature.digest, 'already there', 'api', undefined]
    ])
    expect(writesOf(apiTarget.requests())).toEqual([])
  })

  test('Distribution 2.8 (no API): the referrers tag of each subject is written, once, after its referrers', async () => {
    const p = await prepare('plain')
    await seedTwoPlatforms(onPlain, 'acme/plain', p.layers)
    const target = repoOn(plainTarget.host, 'acme/plain', 'push', user)
    plainTarget.clearRequests()

    const { outcomes, lines } = await copyTo(target, p)

    expect(table(outcomes)).toEqual([
      [p.attestation.digest, 'copied', 'tag-schema', undefined],
      [p.signature.digest, 'copied', 'cosign-tag', undefined],
      [p.sbom.digest, 'copied', 'tag-schema', undefined],
      [p.sbomSignature.digest, 'copied', 'tag-schema', undefined]
    ])
    const writes = writesOf(plainTarget.requests())
    const put = (ref: string) => `PUT /v2/acme/plain/manifests/${ref}`
    expect(manifestWrites(writes)).toEqual(
      [
        p.attestation.digest,
        digestTag(p.image.index.digest),
        digestTag(p.image.index.digest, '.sig'),
        p.sbom.digest,
        digestTag(p.image.amd64.digest),
        p.sbomSignature.digest,
        digestTag(p.sbom.digest)
      ]
        .map(put)
        .sort()
    )
    // A referrer before its subject's tag; a referrer's referrers after it.
    const at = (ref: string) => writes.indexOf(put(ref))
    expect(at(p.attestation.digest)).toBeLessThan(at(digestTag(p.image.index.digest)))
    expect(at(p.sbom.digest)).toBeLessThan(at(digestTag(p.image.amd64.digest)))
    expect(at(digestTag(p.image.amd64.digest))).toBeLessThan(at(p.sbomSignature.digest))
    expect(at(p.sbomSignature.digest)).toBeLessThan(at(digestTag(p.sbom.digest)))
    // Each tag holds exactly the index a spec client expects (skopeo as judge).
    const raw = (tag: string) =>
      inspectRaw(`${plainTarget.host}/acme/plain:${tag}`, { creds: user })
    expect(json(await raw(digestTag(p.image.index.digest)))).toEqual(
      json(referrersIndex([listing(p.attestation)]).bytes)
    )
    expect(
      (await raw(digestTag(p.sbom.digest))).equals(referrersIndex([listing(p.sbomSignature)]).bytes)
    ).toBe(true)
    expect(lines).toContain(`wrote the referrers tag ${digestTag(p.image.amd64.digest)}: 1 added`)
    expect(await verifyReferrers(target, outcomes)).toEqual([])

    plainTarget.clearRequests()
    const again = await copyTo(target, p)
    expect(again.outcomes.map((o) => `${o.status} ${o.via}`)).toEqual([
      'already there tag-schema',
      'already there cosign-tag',
      'already there tag-schema',
      'already there tag-schema'
    ])
    expect(writesOf(plainTarget.requests())).toEqual([])
  })

  test("the target's referrers tag keeps what other clients put there", async () => {
    const p = await prepare('merge')
    const image = await seedTwoPlatforms(onPlain, 'acme/merge', p.layers)
    // The target's own signature of the index, listed in its referrers tag.
    const own = await pushArtifact(
      onPlain,
      'acme/merge',
      cosignSignature({
        subject: image.index,
        dockerReference: `${plainTarget.host}/acme/merge`,
        withSubject: true
      })
    )
    await addToReferrersTag(onPlain, 'acme/merge', image.index.digest, [own])
    const target = repoOn(plainTarget.host, 'acme/merge', 'push', user)

    const { outcomes, lines } = await copyTo(target, p)

    expect(outcomes[0]!.status).toBe('copied')
    const tag = digestTag(image.index.digest)
    const raw = await inspectRaw(`${plainTarget.host}/acme/merge:${tag}`, { creds: user })
    expect(raw.equals(referrersIndex([listing(own), listing(p.attestation)]).bytes)).toBe(true)
    expect(lines).toContain(`wrote the referrers tag ${tag}: 1 added, 1 kept`)
  })

  test("a cosign tag that holds the target's own signatures is kept, and said", async () => {
    const p = await prepare('kept')
    const image = await seedTwoPlatforms(onApi, 'acme/kept', p.layers)
    const sigTag = digestTag(image.index.digest, '.sig')
    const own = await pushArtifact(
      onApi,
      'acme/kept',
      cosignSignature({ subject: image.index, dockerReference: `${apiTarget.host}/acme/kept` }),
      sigTag
    )
    const target = repoOn(apiTarget.host, 'acme/kept', 'push', user)
    apiTarget.clearRequests()

    const { outcomes } = await copyTo(target, p)

    expect(outcomes[1]).toEqual({
      referrer: p.referrers[1],
      status: 'kept',
      detail: `the target's tag ${sigTag} points at ${own.digest}, its own signatures: not overwritten`,
      via: 'cosign-tag'
    })
    expect(outcomes.filter((o) => o.status === 'copied')).toHaveLength(3)
    expect(writesOf(apiTarget.requests())).not.toContain(`PUT /v2/acme/kept/manifests/${sigTag}`)
    expect(await inspectDigest(`${apiTarget.host}/acme/kept:${sigTag}`, { creds: user })).toBe(
      own.digest
    )
    // Kept is not checked: the tag is the target's.
    expect(await verifyReferrers(target, outcomes)).toEqual([])
  })

  test('one referrer failing stops neither the others nor, falsely, its own referrers', async () => {
    const p = await prepare('failing')
    await seedTwoPlatforms(onPlain, 'acme/failing', p.layers)
    const target = repoOn(plainTarget.host, 'acme/failing', 'push', user)
    // The SBOM's document cannot be read from the source.
    const document = JSON.parse(p.sbom.bytes.toString()) as { layers: { digest: string }[] }
    const broken = document.layers[0]!.digest
    const content: ContentSource = {
      ...p.content,
      openBlob: (d) =>
        d.digest === broken ? Promise.reject(new Error('disk on fire')) : p.content.openBlob(d)
    }

    const { outcomes } = await copyTo(target, p, content)

    expect(table(outcomes)).toEqual([
      [p.attestation.digest, 'copied', 'tag-schema', undefined],
      [p.signature.digest, 'copied', 'cosign-tag', undefined],
      [p.sbom.digest, 'failed', 'tag-schema', 'disk on fire'],
      [
        p.sbomSignature.digest,
        'failed',
        'tag-schema',
        `not copied: what it refers to, ${p.sbom.digest}, was not copied`
      ]
    ])
  })
})

describe('verifying referrers', () => {
  test('finds a deleted referrers tag and a .sig tag moved elsewhere', async () => {
    const p = await prepare('verify')
    await seedTwoPlatforms(onPlain, 'acme/verify', p.layers)
    const target = repoOn(plainTarget.host, 'acme/verify', 'push', user)
    const { outcomes } = await copyTo(target, p)
    expect(await verifyReferrers(target, outcomes)).toEqual([])

    // Plant two problems: the index's referrers tag is gone (its manifest
    // deleted), and the .sig tag holds another signature.
    const tagIndex = referrersIndex([listing(p.attestation)])
    await deleteManifest(onPlain, 'acme/verify', tagIndex.digest)
    const sigTag = digestTag(p.image.index.digest, '.sig')
    const other = await pushArtifact(
      onPlain,
      'acme/verify',
      cosignSignature({ subject: p.image.index, dockerReference: 'elsewhere.test/app' }),
      sigTag
    )

    const where = `${plainTarget.host}/acme/verify`
    expect(await verifyReferrers(target, outcomes)).toEqual([
      `${where}: the attestation ${p.attestation.digest} is not listed as a referrer of ${p.image.index.digest}: neither the referrers API nor the tag ${digestTag(p.image.index.digest)} lists it`,
      `${where}:${sigTag} points at ${other.digest}, not at the signature ${p.signature.digest}`
    ])
  })
})
