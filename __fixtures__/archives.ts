import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { run } from './services/exec.js'

/**
 * Images in files, built for tests with node alone: OCI image layouts (a
 * folder, a tar of one, gzip-compressed or not), a buildx-shaped
 * two-platform index with attestation manifests, a legacy `docker save`
 * tar; and, with real tools, a two-platform archive built by buildah.
 * Everything returns the digests so tests can assert them.
 */

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip'
export const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar'
export const IN_TOTO = 'application/vnd.in-toto+json'
export const REF_NAME = 'org.opencontainers.image.ref.name'

export interface Platform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
}

export interface Desc {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
  readonly platform?: Platform
  readonly annotations?: Readonly<Record<string, string>>
  readonly artifactType?: string
}

export const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`

export const hexOf = (digest: string): string => digest.slice(digest.indexOf(':') + 1)

// ---------------------------------------------------------------- tar writer

/** One entry of a tar to write. */
export interface TarInput {
  readonly name: string
  readonly data?: Buffer | string
  /** `0` file (the default), `5` folder, `1` hard link, `2` symbolic link. */
  readonly type?: '0' | '5' | '1' | '2'
  readonly linkname?: string
  /**
   * How to write the name: in a PAX `x` header, in a GNU `L` header, or split
   * into ustar's prefix and name. Names over 100 bytes default to `pax`.
   */
  readonly longName?: 'pax' | 'gnu' | 'prefix'
  /** Write the size in a PAX header (the ustar field says 0), or as base-256. */
  readonly size?: 'pax' | 'base256'
}

/** A tar, ustar with PAX and GNU extensions; `end: false` leaves out the two zero blocks. */
export function tarBytes(
  entries: readonly TarInput[],
  options: { readonly end?: boolean; readonly globalPax?: boolean } = {}
): Buffer {
  const blocks: Buffer[] = []
  const push = (data: Buffer) => {
    blocks.push(data)
    const pad = (512 - (data.length % 512)) % 512
    if (pad) blocks.push(Buffer.alloc(pad))
  }
  if (options.globalPax) {
    const records = paxRecords({ comment: 'written by the tagship test fixture' })
    blocks.push(header('pax_global_header', records.length, 'g'))
    push(records)
  }
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '')
    const type = entry.type ?? '0'
    const mode = entry.longName ?? (Buffer.byteLength(entry.name) > 100 ? 'pax' : undefined)
    const pax: Record<string, string> = {}
    if (mode === 'pax') pax.path = entry.name
    if (entry.size === 'pax') pax.size = String(data.length)
    if (Object.keys(pax).length > 0) {
      const records = paxRecords(pax)
      blocks.push(header(`PaxHeaders/${entry.name.slice(-80)}`, records.length, 'x'))
      push(records)
    }
    let name = entry.name
    let prefix = ''
    if (mode === 'gnu') {
      const long = Buffer.from(`${entry.name}\0`)
      blocks.push(header('././@LongLink', long.length, 'L', { gnu: true }))
      push(long)
    } else if (mode === 'prefix') {
      const cut = entry.name.lastIndexOf('/', 155)
      prefix = entry.name.slice(0, cut)
      name = entry.name.slice(cut + 1)
    }
    const size = entry.size === 'pax' ? 0 : data.length
    blocks.push(
      header(name, size, type, {
        linkname: entry.linkname ?? '',
        prefix,
        gnu: mode === 'gnu',
        base256: entry.size === 'base256'
      })
    )
    if (type === '0') push(data)
  }
  if (options.end !== false) blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

function header(
  name: string,
  size: number,
  type: string,
  options: { linkname?: string; prefix?: string; gnu?: boolean; base256?: boolean } = {}
): Buffer {
  const block = Buffer.alloc(512)
  block.write(name.slice(0, 100), 0, 100, 'utf8')
  block.write(type === '5' ? '0000755\0' : '0000644\0', 100, 'latin1')
  block.write('0000000\0', 108, 'latin1')
  block.write('0000000\0', 116, 'latin1')
  if (options.base256) {
    block[124] = 0x80
    block.writeUIntBE(size, 130, 6)
  } else block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  block.write(`${(1700000000).toString(8).padStart(11, '0')}\0`, 136, 'latin1')
  block.write(type, 156, 'latin1')
  block.write(options.linkname ?? '', 157, 100, 'utf8')
  block.write(options.gnu ? 'ustar  \0' : 'ustar\x0000', 257, 'latin1')
  block.write('root', 265, 'latin1')
  block.write('root', 297, 'latin1')
  if (!options.gnu) block.write(options.prefix ?? '', 345, 155, 'utf8')
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return block
}

function paxRecords(values: Record<string, string>): Buffer {
  const records = Object.entries(values).map(([key, value]) => {
    const body = ` ${key}=${value}\n`
    let length = Buffer.byteLength(body) + 1
    while (String(length).length + Buffer.byteLength(body) !== length) length++
    return `${length}${body}`
  })
  return Buffer.from(records.join(''))
}

// ---------------------------------------------------------------- OCI layouts

/** A layer: a gzip-compressed tar holding one file. */
export function layerOf(path: string, content: string): { bytes: Buffer; diffId: string } {
  const tar = tarBytes([{ name: path, data: content }])
  return { bytes: gzipSync(tar), diffId: sha256(tar) }
}

/** An OCI image layout in memory: blobs by digest and index.json's descriptors. */
export class OciLayout {
  readonly blobs = new Map<string, Buffer>()
  readonly top: Desc[] = []
  ociLayout = '{"imageLayoutVersion": "1.0.0"}'

  blob(data: Buffer | string, mediaType: string, extra: Partial<Desc> = {}): Desc {
    const bytes = Buffer.from(data)
    this.blobs.set(sha256(bytes), bytes)
    return { mediaType, digest: sha256(bytes), size: bytes.length, ...extra }
  }

  json(value: unknown, mediaType: string, extra: Partial<Desc> = {}): Desc {
    return this.blob(JSON.stringify(value), mediaType, extra)
  }

  /** An image (or artifact) manifest; `layers` are added as blobs. */
  image(options: {
    readonly config: unknown
    readonly configMediaType?: string
    readonly layers: readonly {
      bytes: Buffer | string
      mediaType?: string
      annotations?: Record<string, string>
    }[]
    readonly subject?: Desc
    readonly artifactType?: string
    readonly annotations?: Record<string, string>
    readonly descriptor?: Partial<Desc>
  }): Desc {
    const config = this.json(options.config, options.configMediaType ?? OCI_CONFIG)
    const layers = options.layers.map((l) =>
      this.blob(
        l.bytes,
        l.mediaType ?? OCI_LAYER_GZIP,
        l.annotations ? { annotations: l.annotations } : {}
      )
    )
    return this.json(
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        ...(options.artifactType ? { artifactType: options.artifactType } : {}),
        config,
        layers,
        ...(options.subject
          ? {
              subject: {
                mediaType: options.subject.mediaType,
                digest: options.subject.digest,
                size: options.subject.size
              }
            }
          : {}),
        ...(options.annotations ? { annotations: options.annotations } : {})
      },
      OCI_MANIFEST,
      options.descriptor
    )
  }

  index(manifests: readonly Desc[], extra: Partial<Desc> = {}): Desc {
    return this.json({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }, OCI_INDEX, extra)
  }

  /** List `d` in index.json, named `refName` when given. */
  tag(d: Desc, refName?: string, annotations: Record<string, string> = {}): this {
    const all = { ...annotations, ...(refName !== undefined ? { [REF_NAME]: refName } : {}) }
    this.top.push({
      mediaType: d.mediaType,
      digest: d.digest,
      size: d.size,
      ...(d.artifactType !== undefined ? { artifactType: d.artifactType } : {}),
      ...(Object.keys(all).length > 0 ? { annotations: all } : {})
    })
    return this
  }

  get indexJson(): Buffer {
    return Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: this.top }))
  }

  /** Every file of the layout, as a tar holds it (blobs sorted, folders first). */
  entries(options: { dirs?: boolean; prefix?: string } = {}): TarInput[] {
    const p = options.prefix ?? ''
    const blobs = [...this.blobs.entries()].sort(([a], [b]) => a.localeCompare(b))
    const algorithms = [...new Set(blobs.map(([d]) => d.slice(0, d.indexOf(':'))))]
    return [
      ...(options.dirs === false
        ? []
        : [
            { name: `${p}blobs/`, type: '5' as const },
            ...algorithms.map((a) => ({ name: `${p}blobs/${a}/`, type: '5' as const }))
          ]),
      ...blobs.map(([d, data]) => ({ name: `${p}blobs/${d.replace(':', '/')}`, data })),
      { name: `${p}index.json`, data: this.indexJson },
      { name: `${p}oci-layout`, data: this.ociLayout }
    ]
  }

  tar(options: { dirs?: boolean; prefix?: string } = {}): Buffer {
    return tarBytes(this.entries(options))
  }

  async writeDir(dir: string): Promise<void> {
    for (const entry of this.entries({ dirs: false })) {
      const path = join(dir, entry.name)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, entry.data ?? '')
    }
  }
}

/** One platform of an image: its manifest and what it names. */
export interface PlatformImage {
  readonly manifest: Desc
  readonly config: Desc
  readonly layers: readonly Desc[]
}

export interface BuildxImage {
  readonly layout: OciLayout
  readonly index: Desc
  readonly amd64: PlatformImage
  readonly arm64: PlatformImage
  /** The attestation manifests, amd64's then arm64's. */
  readonly attestations: readonly Desc[]
}

/**
 * What `docker buildx build --platform linux/amd64,linux/arm64
 * --output type=oci,dest=…` writes: an index of two platform manifests (a
 * shared base layer, then a layer of their own) and one attestation
 * manifest per platform (provenance and SBOM in-toto layers), index.json
 * naming the index `refName`.
 */
export function buildxLayout(options: { refName?: string } = {}): BuildxImage {
  const layout = new OciLayout()
  const base = layerOf('etc/base', 'shared base layer\n')
  const platform = (architecture: string): PlatformImage => {
    const own = layerOf('payload', `the ${architecture} payload\n`)
    const config = {
      architecture,
      os: 'linux',
      config: { Cmd: ['/payload'] },
      rootfs: { type: 'layers', diff_ids: [base.diffId, own.diffId] }
    }
    const manifest = layout.image({
      config,
      layers: [{ bytes: base.bytes }, { bytes: own.bytes }],
      descriptor: { platform: { architecture, os: 'linux' } }
    })
    return {
      manifest,
      config: layout.json(config, OCI_CONFIG),
      layers: [layout.blob(base.bytes, OCI_LAYER_GZIP), layout.blob(own.bytes, OCI_LAYER_GZIP)]
    }
  }
  const amd64 = platform('amd64')
  const arm64 = platform('arm64')
  const attestation = (image: PlatformImage, architecture: string): Desc => {
    const statement = (predicateType: string) =>
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType,
        subject: [
          {
            name: `pkg:docker/app?platform=linux%2F${architecture}`,
            digest: { sha256: hexOf(image.manifest.digest) }
          }
        ],
        predicate: {}
      })
    const provenance = statement('https://slsa.dev/provenance/v0.2')
    const sbom = statement('https://spdx.dev/Document')
    return layout.image({
      config: {
        architecture: 'unknown',
        os: 'unknown',
        config: {},
        rootfs: { type: 'layers', diff_ids: [sha256(provenance), sha256(sbom)] }
      },
      layers: [
        {
          bytes: provenance,
          mediaType: IN_TOTO,
          annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' }
        },
        {
          bytes: sbom,
          mediaType: IN_TOTO,
          annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' }
        }
      ],
      descriptor: {
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': image.manifest.digest,
          'vnd.docker.reference.type': 'attestation-manifest'
        }
      }
    })
  }
  const attestations = [attestation(amd64, 'amd64'), attestation(arm64, 'arm64')]
  const index = layout.index([amd64.manifest, arm64.manifest, ...attestations])
  layout.tag(index, options.refName ?? 'v1')
  return { layout, index, amd64, arm64, attestations }
}

/** A single-platform image manifest with one layer of its own, added to `layout`. */
export function smallImage(layout: OciLayout, content: string): Desc {
  const layer = layerOf('payload', content)
  return layout.image({
    config: {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layer.diffId] }
    },
    layers: [{ bytes: layer.bytes }]
  })
}

/** Write `tar` to `path`, gzip-compressed when asked. */
export async function writeArchive(
  path: string,
  tar: Buffer,
  options: { gzip?: boolean } = {}
): Promise<string> {
  await writeFile(path, options.gzip ? gzipSync(tar) : tar)
  return path
}

// ---------------------------------------------------------------- docker save

export interface SavedImage {
  /** The config: its digest is the image ID. */
  readonly config: Desc & { readonly bytes: Buffer }
  /** The uncompressed layer tars: their digests are the diff_ids. */
  readonly layers: readonly Desc[]
  /** Where manifest.json says the layers are. */
  readonly layerPaths: readonly string[]
}

/**
 * A `docker save` tar as Docker wrote it before version 25: `<dir>/layer.tar`
 * (plus `VERSION` and `json`) per layer, `<id>.json` configs, manifest.json
 * and repositories. A layer already saved for an earlier image is a
 * symbolic link to it, as Docker writes it.
 */
export function dockerSave(
  images: readonly { readonly repoTags: readonly string[]; readonly layers: readonly string[] }[]
): { tar: Buffer; entries: TarInput[]; images: SavedImage[] } {
  const entries: TarInput[] = []
  const saved = new Map<string, string>()
  const result: SavedImage[] = []
  for (const image of images) {
    const tars = image.layers.map((content, i) =>
      tarBytes([{ name: `layer${i}.txt`, data: content }])
    )
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: {},
        rootfs: { type: 'layers', diff_ids: tars.map((t) => sha256(t)) }
      })
    )
    const layerPaths = tars.map((tar, i) => {
      const dir = hexOf(sha256(`${sha256(config)} ${i}`))
      const path = `${dir}/layer.tar`
      entries.push({ name: `${dir}/`, type: '5' }, { name: `${dir}/VERSION`, data: '1.0' })
      const earlier = saved.get(sha256(tar))
      if (earlier) entries.push({ name: path, type: '2', linkname: `../${earlier}` })
      else {
        entries.push({ name: path, data: tar })
        saved.set(sha256(tar), path)
      }
      entries.push({ name: `${dir}/json`, data: JSON.stringify({ id: dir }) })
      return path
    })
    entries.push({ name: `${hexOf(sha256(config))}.json`, data: config })
    result.push({
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length, bytes: config },
      layers: tars.map((t) => ({ mediaType: OCI_LAYER_TAR, digest: sha256(t), size: t.length })),
      layerPaths
    })
  }
  const manifest = images.map((image, i) => ({
    Config: `${hexOf(result[i]!.config.digest)}.json`,
    RepoTags: image.repoTags,
    Layers: result[i]!.layerPaths
  }))
  entries.push({ name: 'manifest.json', data: JSON.stringify(manifest) })
  entries.push({ name: 'repositories', data: '{}' })
  return { tar: tarBytes(entries), entries, images: result }
}

// ---------------------------------------------------------------- buildah

export interface BuildahImage {
  /** `buildah manifest push --all NAME oci-archive:PATH[:REF]`. */
  readonly archive: string
  /** The same, pushed to `oci:DIR[:REF]`. */
  readonly layout: string
  /** What each platform's `/payload` holds. */
  readonly payloads: { readonly amd64: Buffer; readonly arm64: Buffer }
}

const TOOL_PATH = `${process.env.PATH ?? ''}:/usr/bin:/usr/sbin:/bin`

/**
 * A two-platform image built by buildah (vfs, no daemon, nothing pulled):
 * `FROM scratch`, `ARG TARGETARCH`, `COPY ${TARGETARCH}.bin /payload`, for
 * linux/amd64 and linux/arm64, pushed with `manifest push --all` to an OCI
 * archive and to an OCI layout folder under `dir`. buildah's store is
 * removed after.
 */
export async function buildahArchive(
  dir: string,
  options: { readonly ref?: string } = {}
): Promise<BuildahImage> {
  const work = join(dir, 'buildah')
  const context = join(work, 'context')
  await mkdir(context, { recursive: true })
  const payloads = {
    amd64: Buffer.from(`amd64 payload ${process.pid} ${Date.now()}\n`),
    arm64: Buffer.from(`arm64 payload ${process.pid} ${Date.now()}\n`.repeat(3))
  }
  await writeFile(join(context, 'amd64.bin'), payloads.amd64)
  await writeFile(join(context, 'arm64.bin'), payloads.arm64)
  await writeFile(
    join(context, 'Containerfile'),
    'FROM scratch\nARG TARGETARCH\nCOPY ${TARGETARCH}.bin /payload\n'
  )
  const store = [
    '--storage-driver',
    'vfs',
    '--root',
    join(work, 'root'),
    '--runroot',
    join(work, 'run')
  ]
  const name = 'localhost/tagship-archive-test:latest'
  const archive = join(dir, 'buildah-image.tar')
  const layout = join(dir, 'buildah-layout')
  const tail = options.ref !== undefined ? `:${options.ref}` : ''
  try {
    await buildah(work, [
      ...store,
      'build',
      '--quiet',
      '--platform',
      'linux/amd64,linux/arm64',
      '--manifest',
      name,
      context
    ])
    for (const destination of [`oci-archive:${archive}${tail}`, `oci:${layout}${tail}`])
      await buildah(work, [...store, 'manifest', 'push', '--quiet', '--all', name, destination])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return { archive, layout, payloads }
}

async function buildah(work: string, args: readonly string[]): Promise<void> {
  const env = { PATH: TOOL_PATH, HOME: work, TMPDIR: work }
  const result = await run('buildah', args, { env, timeoutMs: 120_000 }).catch((e: Error) => {
    throw new Error(
      `${e.message}: buildah is a test service; run .ci/install-services.sh to install it`
    )
  })
  if (result.code !== 0)
    throw new Error(`buildah ${args.slice(6).join(' ')} failed: ${result.stderr.trim()}`)
}

/** The top manifest or index exactly as skopeo reads it (`oci-archive:PATH`, `oci:DIR`). */
export async function skopeoRaw(reference: string, work: string): Promise<Buffer> {
  const env = { PATH: TOOL_PATH, HOME: work, TMPDIR: work }
  const result = await run('skopeo', ['inspect', '--raw', reference], { env }).catch((e: Error) => {
    throw new Error(`${e.message}: skopeo is a test service; run .ci/install-services.sh`)
  })
  if (result.code !== 0)
    throw new Error(`skopeo inspect --raw ${reference} failed: ${result.stderr.trim()}`)
  return result.stdoutBytes
}
