import { createHash } from 'node:crypto'
import { toWebStream } from '../distribution/byte-streams.js'
import type { ContentSource } from '../distribution/content-source.js'
import { digestAlgorithm, digestOf } from '../distribution/digest.js'
import type { RawManifest } from '../distribution/manifests.js'
import { mediaTypeOfJson, type Descriptor } from '../distribution/media-types.js'
import type { FileStore } from './store.js'

/** Distribution's own limit on a manifest; a larger blob is not one. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

/** Where an image's blobs are in its files, and the manifests it holds. */
export interface BlobMap {
  /** The file that holds a blob, by digest; undefined when the image has none. */
  pathOf(digest: string): string | undefined
  /** Media types descriptors gave, for manifests whose JSON names none. */
  readonly mediaTypes: Map<string, string>
  /** Manifests made rather than stored (a `docker save` tar's synthesized manifest). */
  readonly made?: ReadonlyMap<string, RawManifest>
}

/** `manifest` and `openBlob` of a ContentSource, over files on disk. */
export function fileContent(
  name: string,
  store: FileStore,
  blobs: BlobMap
): Pick<ContentSource, 'manifest' | 'openBlob'> {
  const read = new Map<string, Promise<RawManifest>>()
  const load = async (digest: string): Promise<RawManifest> => {
    const made = blobs.made?.get(digest)
    if (made) return made
    const path = blobs.pathOf(digest)
    const size = path === undefined ? undefined : await store.size(path)
    if (path === undefined || size === undefined)
      throw new Error(`${name} holds no manifest ${digest}`)
    if (size > MAX_MANIFEST_BYTES)
      throw new Error(`${name}: ${digest} is not a manifest (larger than 4 MiB)`)
    const bytes = await store.read(path)
    const actual = digestOf(bytes, digestAlgorithm(digest) ?? 'sha256')
    if (digestAlgorithm(digest) && actual !== digest)
      throw new Error(`${name}: manifest ${digest} is damaged: its bytes hash to ${actual}`)
    const mediaType = mediaTypeOfJson(bytes) ?? blobs.mediaTypes.get(digest)
    if (!mediaType) throw new Error(`${name}: ${digest} is not a manifest`)
    return { bytes, mediaType, digest }
  }
  return {
    manifest(digest) {
      let manifest = read.get(digest)
      if (!manifest) {
        manifest = load(digest)
        read.set(digest, manifest)
        manifest.catch(() => read.delete(digest))
      }
      return manifest
    },
    async openBlob(descriptor) {
      const { digest, size } = descriptor
      const path = blobs.pathOf(digest)
      const stored = path === undefined ? undefined : await store.size(path)
      if (path === undefined || stored === undefined)
        throw new Error(`${name} holds no blob ${digest}`)
      const problem = (detail: string) => new Error(`${name}: blob ${digest} is damaged: ${detail}`)
      if (stored !== size) throw problem(`it is ${stored} bytes where the manifest says ${size}`)
      const algorithm = digestAlgorithm(digest)
      const known = algorithm ? await store.digest(path, algorithm, true) : undefined
      if (known !== undefined && known !== digest) throw problem(`its bytes hash to ${known}`)
      // Hashed already by the pass that indexed the tar: the size is checked
      // as the bytes pass, and the registry checks the digest of the upload,
      // so the blob is not hashed again for every registry.
      const hashing = store.rehash || known !== digest
      return toWebStream(store.open(path)).pipeThrough(verifier(descriptor, problem, hashing))
    }
  }
}

/** Fails the stream when the bytes are not `size` long or do not hash to `digest`. */
export function verifier(
  descriptor: Pick<Descriptor, 'digest' | 'size'>,
  problem: (detail: string) => Error,
  hashing = true
): TransformStream<Uint8Array, Uint8Array> {
  const { digest, size } = descriptor
  const algorithm = digestAlgorithm(digest)
  const hash = algorithm && hashing ? createHash(algorithm) : undefined
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.length
      if (seen > size) throw problem(`it is longer than the ${size} bytes the manifest says`)
      hash?.update(chunk)
      controller.enqueue(chunk)
    },
    flush() {
      if (seen !== size) throw problem(`it is ${seen} bytes where the manifest says ${size}`)
      const actual = hash ? `${algorithm}:${hash.digest('hex')}` : digest
      if (actual !== digest) throw problem(`its bytes hash to ${actual}`)
    }
  })
}
