import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { toWebStream } from '../distribution/byte-streams.js'
import type { ContentSource } from '../distribution/content-source.js'
import { digestOf } from '../distribution/digest.js'
import type { RawManifest } from '../distribution/manifests.js'
import { OCI_MANIFEST, type Descriptor } from '../distribution/media-types.js'
import { allLimited } from '../shared/limit.js'
import { verifier } from './content.js'
import { OCI_LAYER_TAR } from './docker-archive.js'
import type { FileImage } from './open.js'

export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip'
/** zlib's default level, as `docker push` compresses (Go's gzip.DefaultCompression). */
const GZIP_LEVEL = 6

/** What compressing took: layers, bytes in and out, wall time. */
export interface GzipStats {
  readonly layers: number
  readonly bytesIn: number
  readonly bytesOut: number
  readonly ms: number
}

/** An image whose uncompressed layers were compressed once, to be sent to every target. */
export interface GzippedImage {
  readonly top: RawManifest
  readonly content: ContentSource
  readonly stats: GzipStats
  /** Remove the compressed files, and close the image they came from. */
  close(): Promise<void>
}

/**
 * Compress every uncompressed layer (`…layer.v1.tar`) of a single-platform
 * image once (an image with none, or an index, is given as it is), into files in a new folder under `dir`, `concurrency` layers at
 * a time (zlib works on libuv's thread pool, so they use every core), and
 * give the image manifest that names the compressed layers. The config is
 * unchanged, so the image ID is too (its rootfs.diff_ids name the
 * uncompressed layers, as they must). The output of one zlib version and
 * level is the same for the same bytes: every target gets the same digest,
 * and a re-run the same manifest.
 */
export async function gzipLayers(
  image: FileImage,
  options: { readonly dir: string; readonly concurrency: number }
): Promise<GzippedImage> {
  const started = performance.now()
  const parsed = JSON.parse(new TextDecoder().decode(image.top.bytes)) as {
    layers?: Descriptor[]
  } & Record<string, unknown>
  const folder = await mkdtemp(join(options.dir, 'tagship-gzip-'))
  const files = new Map<string, { path: string; size: number }>()
  let bytesIn = 0
  let bytesOut = 0
  try {
    const layers = await allLimited(parsed.layers ?? [], options.concurrency, async (layer, i) => {
      if (layer.mediaType !== OCI_LAYER_TAR) return layer
      const path = join(folder, `layer-${i}.tar.gz`)
      const hash = createHash('sha256')
      let size = 0
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk)
          size += chunk.length
          done(null, chunk)
        }
      })
      const source = Readable.fromWeb(
        (await image.openBlob(layer)) as Parameters<typeof Readable.fromWeb>[0]
      )
      await pipeline(source, createGzip({ level: GZIP_LEVEL }), count, createWriteStream(path))
      const digest = `sha256:${hash.digest('hex')}`
      files.set(digest, { path, size })
      bytesIn += layer.size
      bytesOut += size
      const { annotations } = layer
      return { mediaType: OCI_LAYER_GZIP, digest, size, ...(annotations ? { annotations } : {}) }
    })
    // Nothing to compress (a Docker 25+ tar whose layout holds compressed
    // layers, or an index): the image as it is, its manifest's own bytes.
    const top: RawManifest =
      files.size === 0
        ? image.top
        : (() => {
            const bytes = Buffer.from(JSON.stringify({ ...parsed, layers }))
            return { bytes, mediaType: OCI_MANIFEST, digest: digestOf(bytes) }
          })()
    const content: ContentSource = {
      name: image.name,
      manifest: (digest) => (digest === top.digest ? Promise.resolve(top) : image.manifest(digest)),
      async openBlob(descriptor) {
        const file = files.get(descriptor.digest)
        if (!file) return image.openBlob(descriptor)
        const problem = (detail: string) =>
          new Error(`${image.name}: compressed layer ${descriptor.digest} changed: ${detail}`)
        // Hashed as it was written; the registry checks the digest of the upload.
        return toWebStream(createReadStream(file.path)).pipeThrough(
          verifier(descriptor, problem, false)
        )
      }
    }
    return {
      top,
      content,
      stats: {
        layers: files.size,
        bytesIn,
        bytesOut,
        ms: performance.now() - started
      },
      close: async () => {
        await rm(folder, { recursive: true, force: true })
        await image.close()
      }
    }
  } catch (e) {
    await rm(folder, { recursive: true, force: true })
    throw e
  }
}
