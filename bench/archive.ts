// F's source: a two-platform OCI archive built by buildah (no daemon), and
// where each of its blobs sits in the tar, so the floor can stream it from there.
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { SKOPEO_BIN } from '../__fixtures__/services/skopeo.js'
import { runOk } from './proc.js'

export const BUILDAH_BIN = '/usr/bin/buildah'
const PLATFORMS = ['amd64', 'arm64'] as const
const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

/** A blob's bytes inside the tar: `size` bytes from `offset`. */
export interface Extent {
  readonly digest: string
  readonly offset: number
  readonly size: number
}

export interface ArchiveManifest extends Extent {
  readonly mediaType: string
}

export interface OciArchive {
  readonly path: string
  /** The tar's size on disk. */
  readonly bytes: number
  /** The image index the tags must point at (what `skopeo inspect --raw oci-archive:PATH` hashes to). */
  readonly index: ArchiveManifest
  /** One image manifest per platform, in the index's order. */
  readonly manifests: readonly ArchiveManifest[]
  /** Every config and layer the manifests name, once each. */
  readonly blobs: readonly Extent[]
  /** Sum of the blobs' sizes: what each registry must receive, exactly once. */
  readonly blobBytes: number
}

/**
 * `FROM scratch` + one `COPY ${TARGETARCH}/partN.bin` per file of random bytes,
 * built for linux/amd64 and linux/arm64 (layers differ per platform), then
 * `manifest push --all` into an OCI archive. buildah's store is removed after.
 */
export async function buildOciArchive(
  work: string,
  files: number,
  fileBytes: number
): Promise<OciArchive> {
  const dir = mkdtempSync(join(work, 'f-build-'))
  const context = join(dir, 'context')
  const lines = ['FROM scratch', 'ARG TARGETARCH']
  for (const arch of PLATFORMS) mkdirSync(join(context, arch), { recursive: true })
  for (let i = 1; i <= files; i++) {
    for (const arch of PLATFORMS)
      writeFileSync(join(context, arch, `part${i}.bin`), randomBytes(fileBytes))
    lines.push(`COPY \${TARGETARCH}/part${i}.bin /payload/`)
  }
  writeFileSync(join(context, 'Containerfile'), `${lines.join('\n')}\n`)
  const store = [
    '--storage-driver',
    'vfs',
    '--root',
    join(dir, 'root'),
    '--runroot',
    join(dir, 'run')
  ]
  const env = { PATH: process.env.PATH ?? '', HOME: dir, TMPDIR: dir }
  const opts = { env, scratchDir: dir }
  const name = `localhost/tagship-bench-f:${process.pid}`
  const path = join(work, 'f-image.tar')
  try {
    await runOk(
      BUILDAH_BIN,
      [
        ...store,
        'build',
        '--quiet',
        // One layer per COPY (buildah's default squashes the build into one layer).
        '--layers',
        '--platform',
        PLATFORMS.map((a) => `linux/${a}`).join(','),
        '--manifest',
        name,
        '--file',
        join(context, 'Containerfile'),
        context
      ],
      opts
    )
    await runOk(
      BUILDAH_BIN,
      [...store, 'manifest', 'push', '--quiet', '--all', name, `oci-archive:${path}`],
      opts
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const archive = await describeArchive(path)
  const raw = await runOk(SKOPEO_BIN, ['inspect', '--raw', `oci-archive:${path}`], {
    env: { PATH: process.env.PATH ?? '', HOME: work, TMPDIR: work },
    scratchDir: work
  })
  const skopeoDigest = sha256(Buffer.from(raw.stdout, 'utf8'))
  if (skopeoDigest !== archive.index.digest) {
    throw new Error(
      `F: skopeo reads the archive's index as ${skopeoDigest}, index.json names ${archive.index.digest}`
    )
  }
  return archive
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

interface Descriptor {
  readonly mediaType?: string
  readonly digest: string
  readonly size: number
}

/** Read the tar's table of contents, then index.json, the index and each manifest. */
export async function describeArchive(path: string): Promise<OciArchive> {
  const toc = await readTarToc(path)
  const file = await open(path, 'r')
  try {
    const read = async (name: string): Promise<Buffer> => {
      const entry = toc.get(name)
      if (!entry) throw new Error(`F: ${name} is not in ${path}`)
      const buf = Buffer.alloc(entry.size)
      await file.read(buf, 0, entry.size, entry.offset)
      return buf
    }
    const extent = (d: Descriptor): Extent => {
      const entry = toc.get(`blobs/${d.digest.replace(':', '/')}`)
      if (!entry) throw new Error(`F: the archive has no blob ${d.digest}`)
      if (entry.size !== d.size)
        throw new Error(`F: ${d.digest} is ${entry.size} bytes, its descriptor says ${d.size}`)
      return { digest: d.digest, offset: entry.offset, size: entry.size }
    }
    const manifestAt = async (d: Descriptor): Promise<ArchiveManifest & { json: unknown }> => {
      const place = extent(d)
      const bytes = await read(`blobs/${d.digest.replace(':', '/')}`)
      if (sha256(bytes) !== d.digest) throw new Error(`F: ${d.digest} does not hash to its name`)
      const json = JSON.parse(bytes.toString('utf8')) as { mediaType?: string }
      return { ...place, mediaType: d.mediaType ?? json.mediaType ?? '', json }
    }
    const layout = JSON.parse((await read('index.json')).toString('utf8')) as {
      manifests: Descriptor[]
    }
    if (layout.manifests.length !== 1)
      throw new Error(`F: index.json names ${layout.manifests.length} images, expected 1`)
    const index = await manifestAt(layout.manifests[0]!)
    if (!INDEX_TYPES.has(index.mediaType)) throw new Error(`F: the top is a ${index.mediaType}`)
    const children = (index.json as { manifests: Descriptor[] }).manifests
    const manifests = await Promise.all(children.map(manifestAt))
    const blobs = new Map<string, Extent>()
    for (const m of manifests) {
      const json = m.json as { config: Descriptor; layers: Descriptor[] }
      for (const d of [json.config, ...json.layers]) blobs.set(d.digest, extent(d))
    }
    const strip = ({ json: _, ...m }: ArchiveManifest & { json: unknown }): ArchiveManifest => m
    return {
      path,
      bytes: statSync(path).size,
      index: strip(index),
      manifests: manifests.map(strip),
      blobs: [...blobs.values()],
      blobBytes: [...blobs.values()].reduce((a, b) => a + b.size, 0)
    }
  } finally {
    await file.close()
  }
}

/**
 * Each regular file of a tar (uncompressed, as buildah and buildx write OCI
 * archives) with its data's offset and size, from the headers alone. Knows
 * PAX (`x`) and GNU (`L`) long names; ignores global PAX headers.
 */
export async function readTarToc(
  path: string
): Promise<Map<string, { offset: number; size: number }>> {
  const file = await open(path, 'r')
  const toc = new Map<string, { offset: number; size: number }>()
  try {
    const total = (await file.stat()).size
    const header = Buffer.alloc(512)
    let longName: string | undefined
    for (let at = 0; at + 512 <= total;) {
      await file.read(header, 0, 512, at)
      if (header.every((b) => b === 0)) break
      const text = (start: number, length: number) =>
        header.toString('utf8', start, start + length).replace(/\0.*$/s, '')
      const size = tarSize(header.subarray(124, 136))
      const flag = text(156, 1)
      const data = at + 512
      if (flag === 'x' || flag === 'L') {
        const body = Buffer.alloc(size)
        await file.read(body, 0, size, data)
        longName =
          flag === 'L'
            ? body.toString('utf8').replace(/\0.*$/s, '')
            : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1]
      } else {
        if (flag === '0' || flag === '' || flag === '7') {
          const prefix = text(345, 155)
          const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100))
          toc.set(name.replace(/^\.\//, ''), { offset: data, size })
        }
        longName = undefined
      }
      at = data + Math.ceil(size / 512) * 512
    }
  } finally {
    await file.close()
  }
  return toc
}

/** Octal, or base-256 when the top bit of the first byte is set (files of 8 GiB and more). */
function tarSize(field: Buffer): number {
  if (field[0]! & 0x80) {
    let n = field[0]! & 0x7f
    for (const b of field.subarray(1)) n = n * 256 + b
    return n
  }
  return parseInt(field.toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8)
}
