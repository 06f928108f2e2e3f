import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  buildahArchive,
  OCI_INDEX,
  sha256,
  skopeoRaw,
  type BuildahImage
} from '../../__fixtures__/archives.js'
import { readTar } from '../../__fixtures__/services/tar.js'
import { openFileImage, type FileImage } from '../../src/archive/open.js'
import { manifestChildren } from '../../src/distribution/media-types.js'
import type { FileSource } from '../../src/registry/source.js'

/**
 * buildah builds a two-platform image and writes it as an OCI archive and an
 * OCI layout folder; skopeo, independently, says what the top index is.
 */
let dir: string
let built: BuildahImage
/** The index as skopeo reads it from the archive and from the folder. */
const expected: { archive?: Buffer; layout?: Buffer } = {}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-buildah-'))
  built = await buildahArchive(dir, { ref: 'v1' })
  expected.archive = await skopeoRaw(`oci-archive:${built.archive}`, dir)
  expected.layout = await skopeoRaw(`oci:${built.layout}`, dir)
}, 180_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** Every platform's manifest, and every blob streamed back and hashed. */
async function readWhole(image: FileImage): Promise<Map<string, Buffer>> {
  const platforms = new Map<string, Buffer>()
  for (const d of manifestChildren(image.top).manifests) {
    const manifest = await image.manifest(d.digest)
    expect(manifest.digest).toBe(d.digest)
    expect(sha256(Buffer.from(manifest.bytes))).toBe(d.digest)
    const blobs = manifestChildren(manifest).blobs
    for (const blob of blobs) {
      const bytes = await bytesOf(await image.openBlob(blob))
      expect([bytes.length, sha256(bytes)]).toEqual([blob.size, blob.digest])
    }
    const layer = await bytesOf(await image.openBlob(blobs[blobs.length - 1]!))
    const payload = readTar(layer).find((e) => e.name === 'payload')
    platforms.set(`${d.platform?.os}/${d.platform?.architecture}`, Buffer.from(payload!.content))
  }
  return platforms
}

describe.each(['oci-archive', 'gzip', 'oci'] as const)('a buildah image as %s', (kind) => {
  let image: FileImage
  beforeAll(async () => {
    let path = kind === 'oci' ? built.layout : built.archive
    if (kind === 'gzip') {
      path = join(dir, 'buildah-image.tar.gz')
      await writeFile(path, gzipSync(await readFile(built.archive)))
    }
    const prefix = kind === 'oci' ? 'oci' : 'oci-archive'
    const source: FileSource = { kind: prefix, path, text: `${prefix}:${path}` }
    image = await openFileImage(source, { tmpDir: dir })
  })
  afterAll(() => image.close())

  test('the top is the index skopeo reads, exact bytes', () => {
    const raw = (kind === 'oci' ? expected.layout : expected.archive)!
    expect(image.top).toEqual({ bytes: raw, mediaType: OCI_INDEX, digest: sha256(raw) })
    expect(image.layoutDescriptors).toEqual([
      {
        mediaType: OCI_INDEX,
        digest: sha256(raw),
        size: raw.length,
        annotations: { 'org.opencontainers.image.ref.name': 'v1' }
      }
    ])
  })

  test('both platforms are readable, every blob streams back whole', async () => {
    const platforms = await readWhole(image)
    expect(platforms).toEqual(
      new Map([
        ['linux/amd64', built.payloads.amd64],
        ['linux/arm64', built.payloads.arm64]
      ])
    )
  })
})
