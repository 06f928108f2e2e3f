import { createCipheriv, createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { authHeader, type Manifest } from './http.js'
import type { Creds } from './registries.js'

const CHUNK = 2 ** 20
const ZEROS = Buffer.alloc(CHUNK)

/**
 * Bytes from a seeded PRNG (the AES-128-CTR keystream under a key derived from
 * the seed): incompressible, the same on every machine, and generated at
 * hundreds of MB/s, so a gigabyte image never has to sit in memory or on disk.
 */
export function* prngStream(seed: string, bytes: number): Generator<Buffer> {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  for (let left = bytes; left > 0; left -= CHUNK) {
    yield cipher.update(left >= CHUNK ? ZEROS : ZEROS.subarray(0, left))
  }
}

/**
 * Push an OCI image of `layers` PRNG layers of `layerBytes` each to `repo:tag`
 * with plain HTTP: each layer streams into one PATCH while its digest is
 * computed, then the upload is closed with a PUT naming the digest.
 */
export async function seedStreamedImage(
  base: string,
  creds: Creds,
  repo: string,
  tag: string,
  layers: number,
  layerBytes: number
): Promise<Manifest> {
  const layerDigests: string[] = []
  for (let i = 0; i < layers; i++) {
    layerDigests.push(await uploadStream(base, creds, repo, prngStream(`${repo} ${i}`, layerBytes)))
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layerDigests },
      config: {}
    })
  )
  const configDigest = await uploadStream(base, creds, repo, [config])
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length
      },
      layers: layerDigests.map((digest) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest,
        size: layerBytes
      }))
    })
  )
  const mediaType = 'application/vnd.oci.image.manifest.v1+json'
  const put = await fetch(`${base}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization: await authHeader(base, creds, [repo]), 'content-type': mediaType },
    body: manifest
  })
  await put.arrayBuffer()
  if (put.status !== 201) throw new Error(`seed: PUT ${repo}:${tag} answered ${put.status}`)
  return {
    bytes: manifest,
    mediaType,
    digest: `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
    blobs: [
      { digest: configDigest, size: config.length },
      ...layerDigests.map((digest) => ({ digest, size: layerBytes }))
    ]
  }
}

async function uploadStream(
  base: string,
  creds: Creds,
  repo: string,
  chunks: Iterable<Buffer>
): Promise<string> {
  const auth = { authorization: await authHeader(base, creds, [repo]) }
  const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: auth })
  await start.arrayBuffer()
  if (start.status !== 202) throw new Error(`seed: POST upload answered ${start.status}`)
  const hash = createHash('sha256')
  function* hashed(): Generator<Buffer> {
    for (const chunk of chunks) {
      hash.update(chunk)
      yield chunk
    }
  }
  const patch = await fetch(new URL(start.headers.get('location')!, base), {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/octet-stream' },
    body: Readable.toWeb(Readable.from(hashed())) as ReadableStream,
    duplex: 'half',
    // Without these two, Node's fetch copies the request and keeps every sent chunk.
    redirect: 'error',
    window: null
  } as RequestInit)
  await patch.arrayBuffer()
  if (patch.status !== 202) throw new Error(`seed: PATCH upload answered ${patch.status}`)
  const digest = `sha256:${hash.digest('hex')}`
  const close = new URL(patch.headers.get('location')!, base)
  close.searchParams.set('digest', digest)
  const put = await fetch(close, { method: 'PUT', headers: auth })
  await put.arrayBuffer()
  if (put.status !== 201) throw new Error(`seed: PUT upload answered ${put.status}`)
  return digest
}
