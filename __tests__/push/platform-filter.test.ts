import { describe, expect, test } from '@jest/globals'
import { digestOf } from '../../src/distribution/digest.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import { parsePlatforms } from '../../src/inputs/platforms.js'
import { filterPlatforms } from '../../src/push/platform-filter.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const d = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`

const image = (n: number, platform: Record<string, string>) => ({
  mediaType: OCI_MANIFEST,
  digest: d(n),
  size: 100 + n,
  platform
})
const attestation = (n: number, of: number) => ({
  mediaType: OCI_MANIFEST,
  digest: d(n),
  size: 500 + n,
  platform: { architecture: 'unknown', os: 'unknown' },
  annotations: {
    'vnd.docker.reference.digest': d(of),
    'vnd.docker.reference.type': 'attestation-manifest'
  }
})
const entries = [
  image(1, { architecture: 'amd64', os: 'linux' }),
  image(2, { architecture: 'arm64', os: 'linux', variant: 'v8' }),
  image(3, { architecture: 'arm', os: 'linux', variant: 'v7' }),
  attestation(4, 1),
  attestation(5, 2),
  attestation(6, 3)
]
const indexJson = {
  schemaVersion: 2,
  mediaType: OCI_INDEX,
  manifests: entries,
  annotations: { 'org.opencontainers.image.created': '2026-12-03T00:00:00Z' }
}
const bytes = new TextEncoder().encode(JSON.stringify(indexJson, null, 2))
const index: RawManifest = { bytes, mediaType: OCI_INDEX, digest: digestOf(bytes) }
const filter = (value: string, keepIndex = false) =>
  filterPlatforms(index, parsePlatforms('platforms', value), {
    keepIndex,
    source: 'oci-archive:x.tar'
  })

describe('parsePlatforms', () => {
  test.each([
    ['', []],
    ['linux/amd64', [{ os: 'linux', architecture: 'amd64', text: 'linux/amd64' }]],
    [
      'linux/amd64, Linux/ARM/v7\nlinux/arm64',
      [
        { os: 'linux', architecture: 'amd64', text: 'linux/amd64' },
        { os: 'linux', architecture: 'arm', variant: 'v7', text: 'linux/arm/v7' },
        { os: 'linux', architecture: 'arm64', text: 'linux/arm64' }
      ]
    ]
  ])('%j', (value, expected) => {
    expect(parsePlatforms('platforms', value)).toEqual(expected)
  })

  test.each([
    [
      'amd64',
      'platforms: "amd64" is not a platform: write os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7'
    ],
    [
      'linux/arm/v7/x',
      'platforms: "linux/arm/v7/x" is not a platform: write os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7'
    ],
    ['linux/amd64,linux/AMD64', 'platforms: "linux/AMD64" is listed twice: list it once']
  ])('%j is refused', (value, message) => {
    expect(() => parsePlatforms('platforms', value)).toThrow(message)
  })
})

describe('filterPlatforms', () => {
  test('every platform kept: the index as it is, same digest', () => {
    expect(filter('linux/amd64,linux/arm64,linux/arm/v7')).toEqual({ kind: 'whole', index })
  })

  test('two of three: a new index with their attestations, other fields kept', () => {
    const result = filter('linux/amd64,linux/arm64')
    expect(result.kind).toBe('index')
    if (result.kind !== 'index') return
    const written = JSON.parse(new TextDecoder().decode(result.index.bytes)) as typeof indexJson
    expect(written).toEqual({
      ...indexJson,
      manifests: [entries[0], entries[1], entries[3], entries[4]]
    })
    expect(result.index.digest).toBe(digestOf(result.index.bytes))
    expect(result.index.digest).not.toBe(index.digest)
    expect(result.index.mediaType).toBe(OCI_INDEX)
    expect(result.kept).toEqual(['linux/amd64', 'linux/arm64/v8'])
    expect(result.dropped).toEqual(['linux/arm/v7'])
  })

  test('linux/arm64/v8 and linux/arm64 name the same platform', () => {
    const result = filter('linux/arm64/v8', true)
    expect(result.kind === 'index' && result.kept).toEqual(['linux/arm64/v8'])
  })

  test('one platform: its own manifest, unless the index is to be kept', () => {
    expect(filter('linux/arm/v7')).toEqual({
      kind: 'single',
      manifest: entries[2],
      kept: ['linux/arm/v7'],
      dropped: ['linux/amd64', 'linux/arm64/v8']
    })
    const kept = filter('linux/arm/v7', true)
    expect(kept.kind).toBe('index')
    if (kept.kind !== 'index') return
    const written = JSON.parse(new TextDecoder().decode(kept.index.bytes)) as typeof indexJson
    expect(written.manifests).toEqual([entries[2], entries[5]])
  })

  test('a platform the source does not hold stops everything', () => {
    expect(() => filter('linux/amd64,linux/s390x')).toThrow(
      'platforms: "linux/s390x" is not in the source "oci-archive:x.tar", which holds linux/amd64, linux/arm64/v8, linux/arm/v7: list only platforms it holds'
    )
    expect(() => filter('linux/arm/v6')).toThrow('platforms: "linux/arm/v6" is not in the source')
  })
})
