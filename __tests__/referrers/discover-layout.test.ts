import { describe, expect, test } from '@jest/globals'
import {
  cosignSignature,
  digestTag,
  inTotoAttestation,
  listing,
  OCI_INDEX,
  OCI_MANIFEST,
  referrersIndex,
  spdxSbom,
  type Artifact
} from '../../__fixtures__/artifacts.js'
import { sha256 } from '../../__fixtures__/services/oci-seed.js'
import { digestOf } from '../../src/distribution/digest.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import type { Descriptor } from '../../src/distribution/media-types.js'
import { discoverLayoutReferrers } from '../../src/referrers/discover-layout.js'
import { shape } from './helpers.js'

const REF = 'org.opencontainers.image.ref.name'

/** An image manifest's bytes; discovery never reads its blobs. */
function image(arch: string): Artifact {
  const config = Buffer.from(JSON.stringify({ architecture: arch, os: 'linux' }))
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length
      },
      layers: []
    })
  )
  return {
    mediaType: OCI_MANIFEST,
    digest: sha256(bytes),
    size: bytes.length,
    bytes,
    blobs: [config]
  }
}

/** An OCI layout in memory: index.json's descriptors and the manifests its blobs hold. */
function layout(top: readonly (readonly [Artifact, string?])[], blobs: readonly Artifact[]) {
  const manifests = new Map<string, RawManifest>()
  for (const a of [...top.map(([a]) => a), ...blobs])
    manifests.set(a.digest, { bytes: a.bytes, mediaType: a.mediaType, digest: digestOf(a.bytes) })
  const layoutDescriptors: Descriptor[] = top.map(([a, name]) => ({
    mediaType: a.mediaType,
    digest: a.digest,
    size: a.size,
    ...(name ? { annotations: { [REF]: name } } : {})
  }))
  return {
    layoutDescriptors,
    manifest: async (digest: string) => {
      const m = manifests.get(digest)
      if (!m) throw new Error(`no blob ${digest} in the layout`)
      return m
    }
  }
}

describe('discovery in an OCI layout', () => {
  test('subject manifests, cosign ref names and a referrers tag index, recursively', async () => {
    const amd64 = image('amd64')
    const arm64 = image('arm64')
    const indexBytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [amd64, arm64].map((m) => ({
          mediaType: m.mediaType,
          digest: m.digest,
          size: m.size
        }))
      })
    )
    const index: Artifact = {
      mediaType: OCI_INDEX,
      digest: sha256(indexBytes),
      size: indexBytes.length,
      bytes: indexBytes,
      blobs: []
    }
    // A top-level attestation of the index (as `oras`/`cosign` save it).
    const attestation = inTotoAttestation({ subject: index })
    // cosign's .sig named as its tag.
    const signature = cosignSignature({ subject: index, dockerReference: 'example.test/app' })
    // An SBOM of arm64, listed by the referrers tag index only (not top-level)...
    const sbom = spdxSbom({ subject: arm64 })
    const tagIndex = referrersIndex([listing(sbom)])
    // ...and a signature of that SBOM, top-level, named by its own subject.
    const sbomSignature = cosignSignature({
      subject: sbom,
      dockerReference: 'example.test/app',
      withSubject: true
    })
    // Another image's SBOM: not ours, not found.
    const stranger = spdxSbom({ subject: image('s390x') })
    const source = layout(
      [
        [index, 'latest'],
        [attestation],
        [signature, `example.test/app:${digestTag(index.digest, '.sig')}`],
        [tagIndex, digestTag(arm64.digest)],
        [sbomSignature],
        [stranger]
      ],
      [amd64, arm64, sbom]
    )

    const found = await discoverLayoutReferrers(source, [index.digest, amd64.digest, arm64.digest])

    expect(found.map(shape)).toEqual([
      {
        digest: attestation.digest,
        subject: index.digest,
        kind: 'attestation',
        via: { kind: 'subject' },
        artifactType: 'application/vnd.in-toto+json'
      },
      {
        digest: signature.digest,
        subject: index.digest,
        kind: 'signature',
        via: { kind: 'cosign-tag', tag: digestTag(index.digest, '.sig') },
        artifactType: 'application/vnd.oci.image.config.v1+json'
      },
      {
        digest: sbom.digest,
        subject: arm64.digest,
        kind: 'sbom',
        via: { kind: 'subject' },
        artifactType: 'application/spdx+json'
      },
      {
        digest: sbomSignature.digest,
        subject: sbom.digest,
        kind: 'signature',
        via: { kind: 'subject' },
        artifactType: 'application/vnd.dev.cosign.artifact.sig.v1+json'
      }
    ])
    expect(Buffer.from(found[2]!.manifest.bytes).equals(sbom.bytes)).toBe(true)
  })

  test('a layout with only the image finds nothing', async () => {
    const only = image('amd64')
    expect(await discoverLayoutReferrers(layout([[only, 'v1']], []), [only.digest])).toEqual([])
  })
})
