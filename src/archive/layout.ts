import type { ContentSource } from '../distribution/content-source.js'
import type { RawManifest } from '../distribution/manifests.js'
import { MANIFEST_MEDIA_TYPES, type Descriptor } from '../distribution/media-types.js'
import { quote } from '../shared/errors.js'
import type { FileSource } from '../registry/source.js'
import { checkReachable, type Needed } from './closure.js'
import { fileContent, MAX_MANIFEST_BYTES, type BlobMap } from './content.js'
import { describeEntry, sourceError } from './problems.js'
import { isArtifact, selectTop } from './select.js'
import type { FileStore } from './store.js'

/** An image found in files, checked, ready to be read. */
export interface OpenedImage {
  readonly top: RawManifest
  readonly layoutDescriptors: readonly Descriptor[]
  readonly content: Pick<ContentSource, 'manifest' | 'openBlob'>
}

const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/
const LISTED: Pick<Needed, 'role' | 'owner'> = { role: 'listed in index.json', owner: 'index.json' }

/** `blobs/<algorithm>/<encoded>`: where an OCI image layout keeps a blob. */
export function blobPath(digest: string): string | undefined {
  const match = DIGEST.exec(digest)
  return match ? `blobs/${match[1]}/${match[2]}` : undefined
}

/**
 * An OCI image layout (oci-layout, index.json, blobs/): the entry to publish
 * selected, and everything it and the layout's artifacts reach checked.
 */
export async function openLayout(store: FileStore, source: FileSource): Promise<OpenedImage> {
  const { text } = source
  await checkVersion(store, text)
  const layoutDescriptors = await readIndexJson(store, text)
  const blobs: BlobMap = { pathOf: blobPath, mediaTypes: new Map() }
  const content = fileContent(text, store, blobs)
  const image = { text, store, blobs, manifest: content.manifest }

  // Every manifest index.json lists must be there: telling artifacts from
  // images needs their JSON, and referrer discovery reads them all.
  const tops = layoutDescriptors.filter((d) => MANIFEST_MEDIA_TYPES.includes(d.mediaType))
  await checkReachable(
    image,
    tops.map((descriptor) => ({ descriptor, ...LISTED })),
    { follow: false }
  )
  const subjects = new Set<string>()
  for (const d of tops) {
    const manifest = await content.manifest(d.digest).catch((e: Error) => {
      throw sourceError(
        text,
        `holds a manifest tagship cannot read (${e.message}): build the archive again`
      )
    })
    if (hasSubject(manifest.bytes)) subjects.add(d.digest)
  }
  const has = (digest: string) => subjects.has(digest)

  const selected = selectTop(source, layoutDescriptors, has)
  if (!MANIFEST_MEDIA_TYPES.includes(selected.mediaType))
    throw sourceError(
      text,
      `names ${describeEntry(selected)}, which is not an image (its media type is not a manifest or an index): pick an image`
    )
  const artifacts = tops.filter((d) => d.digest !== selected.digest && isArtifact(d, has))
  await checkReachable(
    image,
    [selected, ...artifacts].map((descriptor) => ({ descriptor, ...LISTED }))
  )
  return { top: await content.manifest(selected.digest), layoutDescriptors, content }
}

async function checkVersion(store: FileStore, text: string): Promise<void> {
  const bytes = await readSmall(store, 'oci-layout', text)
  const version = (parse(bytes) as { imageLayoutVersion?: unknown } | undefined)?.imageLayoutVersion
  if (typeof version !== 'string')
    throw sourceError(
      text,
      'has an oci-layout file without an imageLayoutVersion: it is not a valid OCI image layout; build the archive again'
    )
  if (!/^1\.\d+\.\d+$/.test(version))
    throw sourceError(
      text,
      `is an OCI image layout of version ${quote(version)} (its oci-layout file), which tagship does not read: it reads version 1.x; write the archive with buildx, buildah or skopeo`
    )
}

/** index.json's top-level descriptors, each checked to be one. */
async function readIndexJson(store: FileStore, text: string): Promise<Descriptor[]> {
  const invalid = (detail: string) =>
    sourceError(
      text,
      `has an index.json that tagship cannot read (${detail}): build the archive again`
    )
  const json = parse(await readSmall(store, 'index.json', text))
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw invalid('not a JSON object')
  const manifests = (json as { manifests?: unknown }).manifests
  if (!Array.isArray(manifests)) throw invalid('"manifests" is not a list')
  return manifests.map((value: unknown, i) => {
    const d = (value ?? {}) as Record<string, unknown>
    if (
      typeof d.mediaType !== 'string' ||
      typeof d.digest !== 'string' ||
      !DIGEST.test(d.digest) ||
      typeof d.size !== 'number' ||
      !Number.isSafeInteger(d.size) ||
      d.size < 0
    )
      throw invalid(`manifests[${i}] is not a descriptor with mediaType, digest and size`)
    return d as unknown as Descriptor
  })
}

async function readSmall(store: FileStore, path: string, text: string): Promise<Buffer> {
  const size = await store.size(path)
  if (size === undefined) throw new Error(`${text}: ${path} is missing`)
  if (size > MAX_MANIFEST_BYTES)
    throw sourceError(
      text,
      `has a ${path} of ${size} bytes, too large to be one: build the archive again`
    )
  return store.read(path)
}

function hasSubject(bytes: Uint8Array): boolean {
  const json = parse(bytes)
  const subject = (json as { subject?: unknown } | undefined)?.subject
  return typeof subject === 'object' && subject !== null
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    return undefined
  }
}
