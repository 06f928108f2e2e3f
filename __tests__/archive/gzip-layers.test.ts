import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { gzipLayers, OCI_LAYER_GZIP } from '../../src/archive/gzip-layers.js'
import type { FileImage } from '../../src/archive/open.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/distribution/media-types.js'

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const raw = (json: unknown, mediaType: string): RawManifest => {
  const bytes = Buffer.from(JSON.stringify(json))
  return { bytes, mediaType, digest: sha256(bytes) }
}

/** A FileImage over blobs in memory; counts closes. */
function memoryImage(top: RawManifest, blobs: Map<string, Buffer>) {
  const state = { closed: 0 }
  const image: FileImage = {
    name: 'docker save app:ci',
    top,
    layoutDescriptors: [],
    manifest: (digest) =>
      digest === top.digest ? Promise.resolve(top) : Promise.reject(new Error(digest)),
    openBlob: (d) => Promise.resolve(new Blob([blobs.get(d.digest)!]).stream()),
    close: () => {
      state.closed++
      return Promise.resolve()
    }
  }
  return { image, state }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c)
  return Buffer.concat(chunks)
}

describe('gzipLayers', () => {
  test('compresses each uncompressed layer once; the config and its digest stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gzip-layers-test-'))
    try {
      const layers = [Buffer.from('a'.repeat(5000)), Buffer.from('b'.repeat(3000))]
      const config = Buffer.from('{"rootfs":{"type":"layers"}}')
      const top = raw(
        {
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: sha256(config),
            size: config.length
          },
          layers: layers.map((l) => ({
            mediaType: 'application/vnd.oci.image.layer.v1.tar',
            digest: sha256(l),
            size: l.length
          }))
        },
        OCI_MANIFEST
      )
      const blobs = new Map([config, ...layers].map((b) => [sha256(b), b]))
      const { image, state } = memoryImage(top, blobs)
      const gz = await gzipLayers(image, { dir, concurrency: 2 })
      const manifest = JSON.parse(gz.top.bytes.toString()) as {
        config: { digest: string }
        layers: { mediaType: string; digest: string; size: number }[]
      }
      expect(manifest.config.digest).toBe(sha256(config))
      expect(manifest.layers.map((l) => l.mediaType)).toEqual([OCI_LAYER_GZIP, OCI_LAYER_GZIP])
      for (const [i, l] of manifest.layers.entries()) {
        const bytes = await readAll(await gz.content.openBlob(l))
        expect([sha256(bytes), bytes.length]).toEqual([l.digest, l.size])
        expect(gunzipSync(bytes).equals(layers[i]!)).toBe(true)
      }
      expect(await gz.content.manifest(gz.top.digest)).toBe(gz.top)
      expect({ layers: gz.stats.layers, bytesIn: gz.stats.bytesIn }).toEqual({
        layers: 2,
        bytesIn: 8000
      })
      // The same bytes compress to the same manifest.
      const again = await gzipLayers(memoryImage(top, blobs).image, { dir, concurrency: 1 })
      expect(again.top.digest).toBe(gz.top.digest)
      await again.close()
      expect(readdirSync(dir)).toHaveLength(1)
      await gz.close()
      expect({ left: readdirSync(dir), closed: state.closed }).toEqual({ left: [], closed: 1 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an index, or an image with no uncompressed layer, is given as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gzip-layers-test-'))
    try {
      const index = raw({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }, OCI_INDEX)
      const gz = await gzipLayers(memoryImage(index, new Map()).image, { dir, concurrency: 2 })
      expect(gz.top).toBe(index)
      expect(gz.stats.layers).toBe(0)
      await gz.close()
      expect(existsSync(dir) && readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
