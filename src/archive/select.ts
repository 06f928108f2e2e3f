import { MANIFEST_MEDIA_TYPES, type Descriptor } from '../distribution/media-types.js'
import { quote } from '../shared/errors.js'
import type { FileSource } from '../registry/source.js'
import { describeEntry, listText, REF_NAME, sourceError } from './problems.js'

/** containerd's (and Docker 25's `docker save`) full name of an image in a layout. */
const CONTAINERD_NAME = 'io.containerd.image.name'
/** cosign's tags (`sha256-<hex>.sig`, `.att`, `.sbom`) and the referrers tag schema's (`sha256-<hex>`). */
const ARTIFACT_NAME = /^sha256-[a-f0-9]{64}(?:\.(?:sig|att|sbom))?$/

/**
 * A top-level entry that is not an image to publish but something about one:
 * named as a cosign or referrers tag, or a manifest with a `subject`.
 */
export function isArtifact(d: Descriptor, hasSubject: (digest: string) => boolean): boolean {
  const name = d.annotations?.[REF_NAME]
  return (name !== undefined && ARTIFACT_NAME.test(name)) || hasSubject(d.digest)
}

/**
 * The entry of index.json to publish: the one `ref` names or, without a
 * ref, the only image (artifacts do not count).
 */
export function selectTop(
  source: FileSource,
  top: readonly Descriptor[],
  hasSubject: (digest: string) => boolean
): Descriptor {
  const { ref, text } = source
  const manifests = unique(top.filter((d) => MANIFEST_MEDIA_TYPES.includes(d.mediaType)))
  if (ref !== undefined) return byRef(source, ref, top, manifests)
  const images = manifests.filter((d) => !isArtifact(d, hasSubject))
  if (images.length === 1) return images[0]!
  if (images.length === 0)
    throw sourceError(
      text,
      top.length === 0
        ? 'holds no image: its index.json lists nothing; build the archive again'
        : `holds no image, only ${listText(unique(top).map(describeEntry))}: build the archive again with the image in it`
    )
  throw sourceError(
    text,
    `holds ${images.length} images: ${listText(images.map(describeEntry))}; add :REF to pick one by its name (${REF_NAME})`
  )
}

function byRef(
  source: FileSource,
  ref: string,
  top: readonly Descriptor[],
  manifests: readonly Descriptor[]
): Descriptor {
  const docker = source.kind === 'docker-archive'
  const nth = docker ? /^@(\d+)$/.exec(ref) : null
  if (nth) {
    const found = manifests[Number(nth[1])]
    if (found) return found
    throw sourceError(
      source.text,
      `has no image ${ref}: it holds ${manifests.length} (@0 to @${manifests.length - 1}); pick one of those`
    )
  }
  const full = docker ? dockerName(ref) : undefined
  const named = unique(
    top.filter(
      (d) =>
        d.annotations?.[REF_NAME] === ref ||
        (full !== undefined && dockerName(d.annotations?.[CONTAINERD_NAME] ?? '') === full)
    )
  )
  if (named.length === 1) return named[0]!
  if (named.length > 1)
    throw sourceError(
      source.text,
      `names ${named.length} different images ${quote(ref)}: ${listText(named.map(describeEntry))}; build the archive again with one image per name`
    )
  const keys = docker ? [REF_NAME, CONTAINERD_NAME] : [REF_NAME]
  const names = [...new Set(top.flatMap((d) => keys.map((k) => d.annotations?.[k]).filter(isText)))]
  throw sourceError(
    source.text,
    names.length === 0
      ? `has no image named ${quote(ref)}: its index.json names none (no ${REF_NAME}); drop ":${ref}"`
      : `has no image named ${quote(ref)}: it holds ${listText(names.map((n) => quote(n)))}; put one of those after ":"`
  )
}

/** `app` → `docker.io/library/app:latest`, as Docker names images. */
export function dockerName(name: string): string {
  if (name === '') return ''
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost'
  let full = hasHost ? name : `docker.io/${slash === -1 ? 'library/' : ''}${name}`
  const last = full.slice(full.lastIndexOf('/') + 1)
  if (!last.includes(':') && !last.includes('@')) full += ':latest'
  return full
}

/** One entry per digest, first seen first (a layout may name one image twice). */
function unique(descriptors: readonly Descriptor[]): Descriptor[] {
  const byDigest = new Map<string, Descriptor>()
  for (const d of descriptors) if (!byDigest.has(d.digest)) byDigest.set(d.digest, d)
  return [...byDigest.values()]
}

function isText(value: string | undefined): value is string {
  return value !== undefined
}
