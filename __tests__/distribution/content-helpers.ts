import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { uploadBlob, type BlobSource } from '../../src/distribution/blob-upload.js'
import type { RawManifest } from '../../src/distribution/manifests.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/distribution/media-types.js'
import type { RepoHandle } from '../../src/distribution/repo.js'

export const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** A blob whose stream is a Node stream of `pieces` chunks (a web stream when asked). */
export function blobOf(
  bytes: Buffer,
  options: { web?: boolean; pieces?: number } = {}
): BlobSource {
  const pieces = options.pieces ?? 1
  const step = Math.ceil(bytes.length / pieces) || 1
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += step) chunks.push(bytes.subarray(at, at + step))
  return {
    digest: sha256(bytes),
    size: bytes.length,
    open: async () => {
      const node = Readable.from(chunks)
      return options.web ? (Readable.toWeb(node) as ReadableStream<Uint8Array>) : node
    }
  }
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

export function raw(json: unknown, mediaType: string): RawManifest {
  const bytes = Buffer.from(JSON.stringify(json, null, 3))
  return { bytes, mediaType, digest: sha256(bytes) }
}

/** Upload a config and layers to `repo`; the image manifest is returned, not written. */
export async function image(
  repo: RepoHandle,
  platform: { os: string; architecture: string },
  layerCount = 1
): Promise<RawManifest> {
  const layers = Array.from({ length: layerCount }, () => randomBytes(1024 + layerCount))
  const config = Buffer.from(
    JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: layers.map(sha256) } })
  )
  for (const blob of [config, ...layers]) await uploadBlob(repo, blobOf(blob))
  return raw(
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
}

export function index(
  children: ReadonlyArray<{ manifest: RawManifest; os: string; architecture: string }>
): RawManifest {
  return raw(
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: children.map((c) => ({
        mediaType: c.manifest.mediaType,
        digest: c.manifest.digest,
        size: c.manifest.bytes.length,
        platform: { architecture: c.architecture, os: c.os }
      }))
    },
    OCI_INDEX
  )
}

export async function failure(
  fn: () => Promise<unknown>
): Promise<Error & Record<string, unknown>> {
  try {
    await fn()
  } catch (e) {
    return e as Error & Record<string, unknown>
  }
  throw new Error('expected a failure')
}
