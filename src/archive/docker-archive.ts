import { digestOf } from '../distribution/digest.js'
import type { RawManifest } from '../distribution/manifests.js'
import { OCI_MANIFEST, type Descriptor } from '../distribution/media-types.js'
import { quote } from '../shared/errors.js'
import type { FileSource } from '../registry/source.js'
import { fileContent, MAX_MANIFEST_BYTES } from './content.js'
import type { OpenedImage } from './layout.js'
import { damaged, listText, sourceError } from './problems.js'
import { dockerName } from './select.js'
import type { FileStore } from './store.js'
import { normalizeName } from './tar-header.js'

export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
export const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar'

/** One image of a `docker save` tar's manifest.json. */
interface SavedImage {
  readonly Config: string
  readonly RepoTags?: readonly string[] | null
  readonly Layers: readonly string[]
}

/**
 * A `docker save` tar from before Docker 25 (manifest.json, `<id>.json`,
 * `<dir>/layer.tar`): the image `ref` picks, as an OCI image manifest made
 * from its config and its uncompressed layers, whose digests are the image
 * ID and the diff_ids.
 */
export async function openDockerArchive(
  store: FileStore,
  source: FileSource
): Promise<OpenedImage> {
  const { text } = source
  const images = parseManifestJson(await readJson(store, 'manifest.json', text), text)
  const image = pick(images, source)
  const save = 'save the image again with docker save'

  const configPath = normalizeName(image.Config)
  const configSize = await store.size(configPath)
  if (configSize === undefined)
    throw sourceError(text, `lacks ${quote(configPath)}, the config manifest.json names: ${save}`)
  const configDigest = (await store.digest(configPath, 'sha256'))!
  const id = /(?:^|\/)([a-f0-9]{64})(?:\.json)?$/.exec(configPath)?.[1]
  if (id !== undefined && `sha256:${id}` !== configDigest)
    throw damaged(text, `sha256:${id} hashes to ${configDigest}`)
  const config = await readJson(store, configPath, text)
  const diffIds = (config as { rootfs?: { diff_ids?: unknown } }).rootfs?.diff_ids
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string'))
    throw sourceError(text, `has a config ${quote(configPath)} without rootfs.diff_ids: ${save}`)
  if (diffIds.length !== image.Layers.length)
    throw damaged(
      text,
      `manifest.json lists ${image.Layers.length} layers but the config's rootfs.diff_ids has ${diffIds.length}`
    )

  const paths = new Map<string, string>([[configDigest, configPath]])
  const layers: Descriptor[] = []
  for (const [i, raw] of image.Layers.entries()) {
    const path = normalizeName(raw)
    const size = await store.size(path)
    if (size === undefined)
      throw sourceError(
        text,
        `lacks ${quote(path)}, layer ${i + 1} that manifest.json lists: ${save}`
      )
    const digest = (await store.digest(path, 'sha256'))!
    if (digest !== diffIds[i])
      throw damaged(
        text,
        `layer ${i + 1} (${path}) hashes to ${digest}, not to its rootfs.diff_ids[${i}] ${diffIds[i] as string}`
      )
    if (!paths.has(digest)) paths.set(digest, path)
    layers.push({ mediaType: OCI_LAYER_TAR, digest, size })
  }

  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: configDigest, size: configSize },
      layers
    })
  )
  const top: RawManifest = { bytes, mediaType: OCI_MANIFEST, digest: digestOf(bytes) }
  const content = fileContent(text, store, {
    pathOf: (digest) => paths.get(digest),
    mediaTypes: new Map(),
    made: new Map([[top.digest, top]])
  })
  return { top, layoutDescriptors: [], content }
}

function parseManifestJson(json: unknown, text: string): SavedImage[] {
  const valid = (v: unknown): v is SavedImage => {
    const o = v as Partial<Record<keyof SavedImage, unknown>> | null
    return (
      typeof o === 'object' &&
      o !== null &&
      typeof o.Config === 'string' &&
      Array.isArray(o.Layers) &&
      o.Layers.every((l) => typeof l === 'string') &&
      (o.RepoTags == null ||
        (Array.isArray(o.RepoTags) && o.RepoTags.every((t) => typeof t === 'string')))
    )
  }
  if (!Array.isArray(json) || !json.every(valid))
    throw sourceError(
      text,
      'has a manifest.json that is not a list of {Config, RepoTags, Layers}: save the image again with docker save'
    )
  if (json.length === 0)
    throw sourceError(text, 'holds no image: its manifest.json lists nothing; save the image again')
  return json
}

/** The image `ref` names (a RepoTags entry, or `@N`), or the only one. */
function pick(images: readonly SavedImage[], source: FileSource): SavedImage {
  const { ref, text } = source
  const held = listText(images.map((image, i) => `@${i} (${tagsOf(image)})`))
  if (ref === undefined) {
    if (images.length === 1) return images[0]!
    throw sourceError(
      text,
      `holds ${images.length} images: ${held}; add :REF with one of those tags, or :@N for the Nth image`
    )
  }
  const nth = /^@(\d+)$/.exec(ref)
  const found = nth
    ? images[Number(nth[1])]
    : images.find((image) =>
        (image.RepoTags ?? []).some((tag) => tag === ref || dockerName(tag) === dockerName(ref))
      )
  if (found) return found
  throw sourceError(
    text,
    `has no image ${nth ? ref : `tagged ${quote(ref)}`}: it holds ${held}; put one of those tags, or @N, after ":"`
  )
}

function tagsOf(image: SavedImage): string {
  const tags = image.RepoTags ?? []
  return tags.length === 0 ? 'untagged' : tags.join(', ')
}

async function readJson(store: FileStore, path: string, text: string): Promise<unknown> {
  const size = await store.size(path)
  if (size === undefined) throw new Error(`${text}: ${path} is missing`)
  if (size > MAX_MANIFEST_BYTES)
    throw sourceError(
      text,
      `has a ${path} of ${size} bytes, too large for one: save the image again`
    )
  try {
    return JSON.parse((await store.read(path)).toString('utf8'))
  } catch {
    throw sourceError(text, `has a ${path} that is not JSON: save the image again with docker save`)
  }
}
