import { describe, expect, test } from '@jest/globals'
import { digestOf } from '../../src/distribution/digest.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import { makeReferrer } from '../../src/referrers/make-referrer.js'
import { mergeReferrersIndex } from '../../src/referrers/referrers-index.js'
import { referrerSummary } from '../../src/referrers/summary.js'
import { cosignTag, referrersTag } from '../../src/referrers/tag-names.js'
import type { ArtifactKind, Referrer, ReferrerOutcome } from '../../src/referrers/types.js'

const SUBJECT = `sha256:${'a'.repeat(64)}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const EMPTY = 'application/vnd.oci.empty.v1+json'
const IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json'

function raw(json: object, mediaType = OCI_MANIFEST): RawManifest {
  const bytes = Buffer.from(JSON.stringify(json))
  return { bytes, mediaType, digest: digestOf(bytes) }
}

const blob = (mediaType: string) => ({ mediaType, digest: `sha256:${'b'.repeat(64)}`, size: 2 })

function artifact(o: {
  artifactType?: string
  config?: string
  layers?: string[]
  annotations?: Record<string, string>
}): RawManifest {
  return raw({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    ...(o.artifactType ? { artifactType: o.artifactType } : {}),
    config: blob(o.config ?? EMPTY),
    layers: (o.layers ?? []).map(blob),
    subject: { mediaType: OCI_MANIFEST, digest: SUBJECT, size: 100 },
    ...(o.annotations ? { annotations: o.annotations } : {})
  })
}

describe('classification', () => {
  const bySubject = (m: RawManifest) => makeReferrer(m, SUBJECT, { kind: 'subject' })
  const byTag = (m: RawManifest, suffix: string) =>
    makeReferrer(m, SUBJECT, { kind: 'cosign-tag', tag: cosignTag(SUBJECT, '.sig') + suffix })

  test.each<[string, RawManifest, ArtifactKind, string | undefined]>([
    [
      'cosign simple signing layer',
      artifact({
        config: IMAGE_CONFIG,
        layers: ['application/vnd.dev.cosign.simplesigning.v1+json']
      }),
      'signature',
      IMAGE_CONFIG
    ],
    [
      'sigstore bundle',
      artifact({
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        layers: ['application/vnd.dev.sigstore.bundle.v0.3+json']
      }),
      'signature',
      'application/vnd.dev.sigstore.bundle.v0.3+json'
    ],
    [
      'sigstore bundle of an attestation (predicate type annotated)',
      artifact({
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        layers: ['application/vnd.dev.sigstore.bundle.v0.3+json'],
        annotations: { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' }
      }),
      'attestation',
      'application/vnd.dev.sigstore.bundle.v0.3+json'
    ],
    [
      'in-toto artifact type',
      artifact({
        artifactType: 'application/vnd.in-toto+json',
        layers: ['application/vnd.in-toto+json']
      }),
      'attestation',
      'application/vnd.in-toto+json'
    ],
    [
      'DSSE envelope layer, empty config and no artifactType: the layer type',
      artifact({ layers: ['application/vnd.dsse.envelope.v1+json'] }),
      'attestation',
      'application/vnd.dsse.envelope.v1+json'
    ],
    [
      'an artifact type that mentions in-toto',
      artifact({ artifactType: 'application/vnd.example.in-toto.provenance' }),
      'attestation',
      'application/vnd.example.in-toto.provenance'
    ],
    [
      'SPDX',
      artifact({ artifactType: 'application/spdx+json', layers: ['application/spdx+json'] }),
      'sbom',
      'application/spdx+json'
    ],
    [
      'CycloneDX layer',
      artifact({
        artifactType: 'application/vnd.example.bom',
        layers: ['application/vnd.cyclonedx+json']
      }),
      'sbom',
      'application/vnd.example.bom'
    ],
    [
      'anything else',
      artifact({
        artifactType: 'application/vnd.cncf.notary.signature',
        layers: ['application/jose+json']
      }),
      'artifact',
      'application/vnd.cncf.notary.signature'
    ],
    [
      'an index referrer without artifactType has none',
      raw(
        { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], subject: blob(OCI_MANIFEST) },
        OCI_INDEX
      ),
      'artifact',
      undefined
    ]
  ])('%s', (_name, manifest, kind, artifactType) => {
    const r = bySubject(manifest)
    expect([r.kind, r.artifactType]).toEqual([kind, artifactType])
  })

  test.each<[string, ArtifactKind]>([
    ['', 'signature'],
    ['-not-a-suffix', 'artifact']
  ])('a cosign tag names the kind: .sig%s', (extra, kind) => {
    const m = artifact({ config: IMAGE_CONFIG, layers: ['application/octet-stream'] })
    expect(byTag(m, extra).kind).toBe(kind)
  })

  test('.att and .sbom tags, whatever the layers say', () => {
    const m = artifact({ config: IMAGE_CONFIG, layers: ['application/octet-stream'] })
    const at = (suffix: '.att' | '.sbom') =>
      makeReferrer(m, SUBJECT, { kind: 'cosign-tag', tag: cosignTag(SUBJECT, suffix) }).kind
    expect([at('.att'), at('.sbom')]).toEqual(['attestation', 'sbom'])
  })

  test('a manifest that names its own subject is filed under it; annotations are kept', () => {
    const other = `sha256:${'c'.repeat(64)}`
    const m = artifact({ artifactType: 'application/spdx+json', annotations: { a: 'b' } })
    const r = makeReferrer(m, other, { kind: 'subject' })
    expect([r.subject, r.annotations]).toEqual([SUBJECT, { a: 'b' }])
  })
})

describe('referrerSummary', () => {
  const of = (...kinds: ArtifactKind[]): Referrer[] =>
    kinds.map((kind) => ({
      manifest: raw({}),
      subject: SUBJECT,
      via: { kind: 'subject' },
      kind
    }))
  test.each<[ArtifactKind[], string]>([
    [[], ''],
    [['signature'], '1 signature'],
    [['sbom', 'signature', 'attestation', 'signature'], '2 signatures, 1 attestation, 1 SBOM'],
    [['artifact', 'sbom', 'sbom'], '2 SBOMs, 1 artifact'],
    [['artifact', 'artifact', 'attestation', 'attestation'], '2 attestations, 2 artifacts']
  ])('%j → %s', (kinds, text) => {
    expect(referrerSummary(of(...kinds))).toBe(text)
  })

  test('outcomes count as their referrers', () => {
    const outcomes: ReferrerOutcome[] = of('signature', 'sbom').map((referrer) => ({
      referrer,
      status: 'copied',
      via: 'api'
    }))
    expect(referrerSummary(outcomes)).toBe('1 signature, 1 SBOM')
  })
})

describe('tag names', () => {
  test.each([
    [`sha256:${'ab'.repeat(32)}`, `sha256-${'ab'.repeat(32)}`],
    // sha512: the encoded part is cut to 64 characters.
    [`sha512:${'cd'.repeat(64)}`, `sha512-${'cd'.repeat(32)}`],
    // The spec's own example: cut, and characters a tag cannot hold become '-'.
    [
      'test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation',
      'test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot'
    ]
  ])('referrers tag of %s', (digest, tag) => {
    expect(referrersTag(digest)).toBe(tag)
  })

  test('cosign tags', () => {
    expect(['.sig', '.att', '.sbom'].map((s) => cosignTag(SUBJECT, s as '.sig'))).toEqual([
      `sha256-${'a'.repeat(64)}.sig`,
      `sha256-${'a'.repeat(64)}.att`,
      `sha256-${'a'.repeat(64)}.sbom`
    ])
  })
})

describe('merging a referrers index', () => {
  const d = (c: string, extra: object = {}) => ({
    mediaType: OCI_MANIFEST,
    digest: `sha256:${c.repeat(64)}`,
    size: 10,
    ...extra
  })

  test('keeps every entry and field already there, appends the missing ones', () => {
    const foreign = d('1', { artifactType: 'application/x', annotations: { k: 'v' }, extra: true })
    const current = raw(
      { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [foreign], annotations: { keep: 'me' } },
      OCI_INDEX
    )
    const merged = mergeReferrersIndex(current, [d('1'), d('2', { artifactType: 'application/y' })])
    expect(JSON.parse(Buffer.from(merged!.bytes).toString())).toEqual({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [foreign, d('2', { artifactType: 'application/y' })],
      annotations: { keep: 'me' }
    })
    expect(merged!.digest).toBe(digestOf(merged!.bytes))
  })

  test('nothing missing: nothing to write', () => {
    const current = raw({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [d('1')] }, OCI_INDEX)
    expect(mergeReferrersIndex(current, [d('1')])).toBeUndefined()
  })

  test('no index yet: a new one', () => {
    const merged = mergeReferrersIndex(undefined, [d('3')])
    expect(Buffer.from(merged!.bytes).toString()).toBe(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [d('3')] })
    )
    expect(merged!.mediaType).toBe(OCI_INDEX)
  })
})
