import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  addToReferrersTag,
  cosignSignature,
  digestTag,
  inTotoAttestation,
  pushArtifact,
  spdxSbom,
  type Artifact
} from '../../__fixtures__/artifacts.js'
import { releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import type { SeedTarget } from '../../__fixtures__/services/oci-seed.js'
import {
  startReferrersRegistry,
  type ReferrersRegistry
} from '../../__fixtures__/services/referrers-registry.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { publishFailure } from '../../src/push/failure.js'
import { publish } from '../../src/push/publish.js'
import type { PublishResult } from '../../src/push/results.js'
import { parseSource } from '../../src/registry/source.js'
import { publishText } from '../../src/report/text.js'
import { imageLayers, seedTwoPlatforms, type TwoPlatformImage } from '../referrers/helpers.js'

// A promote of a signed, attested two-platform image: the source registry has
// the referrers API (or, in the second case, only the tag schema); one target
// has the API, the other (Distribution 2.8) keeps the referrers tag index,
// where another client's referrer already is and must stay.
const user = { username: 'ci', password: 'publish-referrers-secret' }
let apiSource: ReferrersRegistry
let plainSource: Registry
let apiTarget: ReferrersRegistry
let plainTarget: Registry
let logins: Record<string, typeof user>

beforeAll(async () => {
  apiSource = await startReferrersRegistry({ auth: 'htpasswd', users: [user] })
  plainSource = await startRegistry({ auth: 'none' })
  apiTarget = await startReferrersRegistry({ auth: 'token', users: [{ ...user, actions: ['*'] }] })
  plainTarget = await startRegistry({ auth: 'htpasswd', users: [user] })
  logins = {
    [apiSource.host]: user,
    [apiTarget.host]: user,
    [plainTarget.host]: user
  }
}, 60_000)

afterAll(async () => {
  for (const r of [apiSource, plainSource, apiTarget, plainTarget]) await r?.stop()
})

interface Signed {
  readonly image: TwoPlatformImage
  readonly attestation: Artifact
  readonly signature: Artifact
  readonly sbom: Artifact
  readonly sbomSignature: Artifact
}

/** An image with an attestation of its index, a cosign .sig, an SBOM of amd64 and its signature. */
async function signedImage(at: SeedTarget, host: string, repo: string, api: boolean) {
  const image = await seedTwoPlatforms(at, repo, imageLayers())
  const attestation = await pushArtifact(at, repo, inTotoAttestation({ subject: image.index }))
  const ref = `${host}/${repo}`
  const signature = await pushArtifact(
    at,
    repo,
    cosignSignature({ subject: image.index, dockerReference: ref }),
    digestTag(image.index.digest, '.sig')
  )
  const sbom = await pushArtifact(at, repo, spdxSbom({ subject: image.amd64 }))
  const sbomSignature = await pushArtifact(
    at,
    repo,
    cosignSignature({ subject: sbom, dockerReference: ref, withSubject: true })
  )
  if (!api) {
    await addToReferrersTag(at, repo, image.index.digest, [attestation])
    await addToReferrersTag(at, repo, image.amd64.digest, [sbom])
    await addToReferrersTag(at, repo, sbom.digest, [sbomSignature])
  }
  return { image, attestation, signature, sbom, sbomSignature } satisfies Signed
}

const referrerRows = (result: PublishResult) =>
  result.targets.map((t) => ({
    target: t.repository.name,
    referrers: (t.referrers ?? []).map((r) => `${r.kind} ${r.digest} ${r.status} ${r.where}`)
  }))

describe.each([
  ['the referrers API', true],
  ['the referrers tag schema', false]
])('a signed image promoted from a source with %s', (_, api) => {
  test('every referrer lands on both targets, the other client’s stays, a re-run writes nothing', async () => {
    const name = api ? 'api' : 'tags'
    const source = api ? apiSource : plainSource
    const at: SeedTarget = { url: source.url, ...(api ? { creds: user } : {}) }
    const s = await signedImage(at, source.host, `src/${name}`, api)
    // Another client's signature of the index already on the plain target.
    const onPlain: SeedTarget = { url: plainTarget.url, creds: user }
    await seedTwoPlatforms(onPlain, `prod/${name}`, imageLayers(), 'old')
    const theirs = cosignSignature({
      subject: s.image.index,
      dockerReference: 'elsewhere',
      withSubject: true
    })
    const sourceText = `${source.host}/src/${name}:build`
    const targets = [`${apiTarget.host}/prod/${name}`, `${plainTarget.host}/prod/${name}`]
    const { plan, inputs } = releasePlan('2.0.0', targets, { source: sourceText })
    apiTarget.clearRequests()
    plainTarget.clearRequests()

    const run = testPublishEnv(logins)
    const result = await publish(plan, parseSource(sourceText), inputs.publish, run.env)
    expect(publishFailure(result)).toBeUndefined()
    expect(result.digest).toBe(s.image.index.digest)
    const hex = (d: string) => d.replace(':', '-')
    expect(referrerRows(result)).toEqual([
      {
        target: targets[0],
        referrers: [
          `attestation ${s.attestation.digest} copied referrers API`,
          `signature ${s.signature.digest} copied tag ${hex(s.image.index.digest)}.sig`,
          `sbom ${s.sbom.digest} copied referrers API`,
          `signature ${s.sbomSignature.digest} copied referrers API`
        ]
      },
      {
        target: targets[1],
        referrers: [
          `attestation ${s.attestation.digest} copied referrers tag ${hex(s.image.index.digest)}`,
          `signature ${s.signature.digest} copied tag ${hex(s.image.index.digest)}.sig`,
          `sbom ${s.sbom.digest} copied referrers tag ${hex(s.image.amd64.digest)}`,
          `signature ${s.sbomSignature.digest} copied referrers tag ${hex(s.sbom.digest)}`
        ]
      }
    ])
    expect(publishText(result)).toContain('  referrers: copied 2 signatures, 1 attestation, 1 SBOM')
    // skopeo, as an independent judge, finds the tags and the cosign tag on both.
    for (const t of targets) {
      expect(await inspectDigest(`${t}:2.0.0`, { creds: user })).toBe(s.image.index.digest)
      expect(await inspectDigest(`${t}:${hex(s.image.index.digest)}.sig`, { creds: user })).toBe(
        s.signature.digest
      )
    }
    // The API target lists them itself; the plain one holds the merged tag index.
    expect(apiTarget.listed(`prod/${name}`, s.image.index.digest).map((d) => d.digest)).toEqual([
      s.attestation.digest
    ])
    expect(
      apiTarget
        .requests()
        .filter(
          (r) =>
            r.path.includes('/manifests/sha256-') && r.method === 'PUT' && !r.path.endsWith('.sig')
        )
    ).toEqual([])
    const tagIndex = JSON.parse(
      (await inspectRaw(`${targets[1]}:${hex(s.image.index.digest)}`, { creds: user })).toString()
    ) as { manifests: { digest: string }[] }
    expect(tagIndex.manifests.map((m) => m.digest)).toEqual([s.attestation.digest])

    // Another client adds its signature; a re-run keeps it and writes nothing.
    await pushArtifact(onPlain, `prod/${name}`, theirs)
    await addToReferrersTag(onPlain, `prod/${name}`, s.image.index.digest, [theirs])
    apiTarget.clearRequests()
    plainTarget.clearRequests()
    const again = await publish(
      plan,
      parseSource(sourceText),
      inputs.publish,
      testPublishEnv(logins).env
    )
    expect(publishFailure(again)).toBeUndefined()
    expect(again.targets.map((t) => (t.referrers ?? []).map((r) => r.status))).toEqual([
      Array(4).fill('already there'),
      Array(4).fill('already there')
    ])
    expect(writesOf(apiTarget.requests())).toEqual([])
    expect(writesOf(plainTarget.requests())).toEqual([])
    const kept = JSON.parse(
      (await inspectRaw(`${targets[1]}:${hex(s.image.index.digest)}`, { creds: user })).toString()
    ) as { manifests: { digest: string }[] }
    expect(kept.manifests.map((m) => m.digest)).toEqual([s.attestation.digest, theirs.digest])
  }, 60_000)
})

test('the platform filter keeps the referrers of what it keeps', async () => {
  const at: SeedTarget = { url: plainSource.url }
  const s = await signedImage(at, plainSource.host, 'src/filtered', false)
  const sourceText = `${plainSource.host}/src/filtered:build`
  const target = `${plainTarget.host}/prod/filtered`
  const { plan, inputs } = releasePlan('1.0.0', [target], {
    source: sourceText,
    platforms: 'linux/amd64'
  })
  const run = testPublishEnv(logins)
  const result = await publish(plan, parseSource(sourceText), inputs.publish, run.env)
  expect(publishFailure(result)).toBeUndefined()
  // One platform kept: its own manifest is published, with its SBOM and the SBOM's signature.
  expect(result.digest).toBe(s.image.amd64.digest)
  expect(result.platforms).toEqual({
    kept: ['linux/amd64'],
    dropped: ['linux/arm64/v8'],
    sourceDigest: s.image.index.digest
  })
  expect(referrerRows(result)[0]!.referrers).toEqual([
    `sbom ${s.sbom.digest} copied referrers tag ${s.image.amd64.digest.replace(':', '-')}`,
    `signature ${s.sbomSignature.digest} copied referrers tag ${s.sbom.digest.replace(':', '-')}`
  ])
  expect(await inspectDigest(`${target}:1.0.0`, { creds: user })).toBe(s.image.amd64.digest)
  expect(run.lines).toContain(
    `info: platforms filter: kept linux/amd64, dropped linux/arm64/v8; the published digest ${s.image.amd64.digest} differs from the source's ${s.image.index.digest}`
  )
}, 60_000)

test('referrers: false copies the image alone', async () => {
  const at: SeedTarget = { url: plainSource.url }
  await signedImage(at, plainSource.host, 'src/bare', false)
  const sourceText = `${plainSource.host}/src/bare:build`
  const target = `${plainTarget.host}/prod/bare`
  const { plan, inputs } = releasePlan('1.0.0', [target], {
    source: sourceText,
    referrers: 'false'
  })
  plainTarget.clearRequests()
  const result = await publish(
    plan,
    parseSource(sourceText),
    inputs.publish,
    testPublishEnv(logins).env
  )
  expect(result.targets[0]!.referrers).toBeUndefined()
  expect(writesOf(plainTarget.requests()).filter((w) => w.includes('sha256-'))).toEqual([])
}, 60_000)
