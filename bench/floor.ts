// The floors: the least HTTP work each scenario needs, written with plain
// fetch and streams. They run in a child process (this bundle started with
// --floor), so their time and peak RSS are measured like any contender's.
import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { ArchiveManifest, Extent } from './archive.js'
import { basic, fetchToken, MANIFEST_ACCEPT, type TokenRealm } from './http.js'
import type { Creds } from './registries.js'

export interface Place {
  readonly base: string
  readonly repo: string
  /** A Bearer registry's token server, known up front: one token GET, no challenge round trip. */
  readonly token?: TokenRealm
}

export type FloorJob =
  /** Upload each blob once per registry (POST + monolithic PUT), then PUT every tag. */
  | {
      readonly op: 'push'
      readonly targets: readonly Place[]
      readonly tags: readonly string[]
      readonly blobsDir: string
      readonly blobs: readonly string[]
      readonly manifestFile: string
      readonly mediaType: string
      readonly creds: Creds
    }
  /** Stream every blob from source to target at once, then PUT the manifest. */
  | {
      readonly op: 'copy'
      readonly from: Place & { readonly ref: string }
      readonly to: Place & { readonly tag: string }
      readonly creds: Creds
    }
  /**
   * Stream each blob from its offset in an OCI archive once to each registry,
   * then PUT each platform's manifest by digest, then the index at every tag.
   */
  | {
      readonly op: 'archive'
      readonly targets: readonly Place[]
      readonly tags: readonly string[]
      readonly archive: string
      readonly blobs: readonly Extent[]
      readonly manifests: readonly ArchiveManifest[]
      readonly index: ArchiveManifest
      readonly creds: Creds
    }
  /** HEAD every tag: what proving "already there" costs. */
  | {
      readonly op: 'heads'
      readonly refs: readonly (Place & { readonly tag: string })[]
      readonly creds: Creds
    }

export const FLOOR_ENV = 'TAGSHIP_BENCH_FLOOR'

/** Basic, or one token per registry and repository (asked once, shared by every request). */
function authorizer(creds: FloorJob['creds']) {
  const asked = new Map<string, Promise<string>>()
  return (p: Place, pullOnly = false): Promise<string> => {
    if (!p.token) return Promise.resolve(basic(creds))
    const key = `${p.base} ${p.repo} ${pullOnly}`
    if (!asked.has(key)) asked.set(key, fetchToken(p.token, creds, [p.repo], pullOnly))
    return asked.get(key)!
  }
}

export async function runFloorJob(job: FloorJob): Promise<void> {
  const authFor = authorizer(job.creds)
  if (job.op === 'heads') {
    await Promise.all(
      job.refs.map(async (r) => {
        const res = await fetch(`${r.base}/v2/${r.repo}/manifests/${r.tag}`, {
          method: 'HEAD',
          headers: { authorization: await authFor(r, true), accept: MANIFEST_ACCEPT }
        })
        expect(res, 200, `HEAD ${r.repo}:${r.tag}`)
      })
    )
    return
  }
  if (job.op === 'push') {
    const manifest = await readFile(job.manifestFile)
    await Promise.all(
      job.targets.map(async (t) => {
        const auth = await authFor(t)
        await Promise.all(
          job.blobs.map(async (digest) => {
            const body = await readFile(join(job.blobsDir, digest))
            await upload(t, auth, digest, body)
          })
        )
        await Promise.all(job.tags.map((tag) => putManifest(t, auth, tag, manifest, job.mediaType)))
      })
    )
    return
  }
  if (job.op === 'archive') {
    const { archive } = job
    const read = async (m: ArchiveManifest): Promise<Buffer> => {
      const file = await open(archive, 'r')
      try {
        const buf = Buffer.alloc(m.size)
        await file.read(buf, 0, m.size, m.offset)
        return buf
      } finally {
        await file.close()
      }
    }
    const manifests = await Promise.all(job.manifests.map(read))
    const index = await read(job.index)
    await Promise.all(
      job.targets.map(async (t) => {
        const auth = await authFor(t)
        await Promise.all(
          job.blobs.map((b) => {
            const stream = createReadStream(archive, {
              start: b.offset,
              end: b.offset + b.size - 1
            })
            return upload(t, auth, b.digest, Readable.toWeb(stream) as ReadableStream<Uint8Array>)
          })
        )
        await Promise.all(
          job.manifests.map((m, i) => putManifest(t, auth, m.digest, manifests[i]!, m.mediaType))
        )
        await Promise.all(
          job.tags.map((tag) => putManifest(t, auth, tag, index, job.index.mediaType))
        )
      })
    )
    return
  }
  const [from, auth] = await Promise.all([authFor(job.from, true), authFor(job.to)])
  const get = await fetch(`${job.from.base}/v2/${job.from.repo}/manifests/${job.from.ref}`, {
    headers: { authorization: from, accept: MANIFEST_ACCEPT }
  })
  expect(get, 200, 'GET manifest', true)
  const manifest = Buffer.from(await get.arrayBuffer())
  const mediaType = get.headers.get('content-type') ?? ''
  const json = JSON.parse(manifest.toString('utf8')) as {
    config: { digest: string; size: number }
    layers: { digest: string; size: number }[]
  }
  await Promise.all(
    [json.config, ...json.layers].map(async (blob) => {
      const res = await fetch(`${job.from.base}/v2/${job.from.repo}/blobs/${blob.digest}`, {
        headers: { authorization: from }
      })
      expect(res, 200, `GET blob ${blob.digest}`, true)
      await upload(job.to, auth, blob.digest, res.body!)
    })
  )
  await putManifest(job.to, auth, job.to.tag, manifest, mediaType)
}

async function upload(
  to: Place,
  auth: string,
  digest: string,
  body: Buffer | ReadableStream<Uint8Array>
): Promise<void> {
  const start = await fetch(`${to.base}/v2/${to.repo}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: auth }
  })
  expect(start, 202, 'POST upload')
  const url = new URL(start.headers.get('location')!, to.base)
  url.searchParams.set('digest', digest)
  const put = await fetch(url, {
    method: 'PUT',
    headers: { authorization: auth, 'content-type': 'application/octet-stream' },
    body,
    duplex: 'half',
    // Without these two, Node's fetch copies the request and keeps every sent chunk.
    redirect: 'error',
    window: null
  } as RequestInit)
  expect(put, 201, `PUT blob ${digest}`)
}

async function putManifest(
  to: Place,
  auth: string,
  tag: string,
  manifest: Buffer,
  mediaType: string
): Promise<void> {
  const res = await fetch(`${to.base}/v2/${to.repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization: auth, 'content-type': mediaType },
    body: manifest
  })
  expect(res, 201, `PUT ${to.repo}:${tag}`)
}

/** Check the status; drop the body unless the caller reads it. */
function expect(res: Response, status: number, what: string, keepBody = false): void {
  if (!keepBody || res.status !== status) void res.body?.cancel()
  if (res.status !== status) throw new Error(`floor: ${what} answered ${res.status}`)
}
