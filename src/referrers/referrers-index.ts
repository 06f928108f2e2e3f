import { digestOf } from '../distribution/digest.js'
import type { RawManifest } from '../distribution/manifests.js'
import { isIndexMediaType, OCI_INDEX, parseJson } from '../distribution/media-types.js'
import { artifactFields } from './artifact-fields.js'
import type { ListedDescriptor, Referrer } from './types.js'

/**
 * The descriptors of a referrers listing (the API's answer, or the index
 * under a referrers tag): entries without a digest string are left out.
 */
export function listedDescriptors(bytes: Uint8Array): ListedDescriptor[] {
  const json = parseJson(bytes)
  const manifests = Array.isArray(json?.manifests) ? (json.manifests as unknown[]) : []
  return manifests.flatMap((entry) => {
    const d = (entry ?? {}) as Record<string, unknown>
    return typeof d.digest === 'string' && typeof d.mediaType === 'string'
      ? [d as unknown as ListedDescriptor]
      : []
  })
}

/**
 * How a referrers listing names a referrer: media type, digest, size, its
 * `artifactType` (else its config's media type, as the API gives it) and its
 * annotations.
 */
export function descriptorOf(referrer: Referrer): ListedDescriptor {
  const m = referrer.manifest
  const fields = artifactFields(m)
  const json = parseJson(m.bytes) ?? {}
  const artifactType =
    typeof json.artifactType === 'string' && json.artifactType
      ? json.artifactType
      : fields.configMediaType
  return {
    mediaType: m.mediaType,
    digest: m.digest,
    size: m.bytes.length,
    ...(artifactType ? { artifactType } : {}),
    ...(fields.annotations ? { annotations: fields.annotations } : {})
  }
}

/**
 * The referrers index with `additions` in it: every descriptor already there
 * is kept as it is (other clients' referrers), the missing ones are appended.
 * Undefined when nothing is missing, so an unchanged index is never written.
 * `current` must be an index (the caller checks).
 */
export function mergeReferrersIndex(
  current: RawManifest | undefined,
  additions: readonly ListedDescriptor[]
): RawManifest | undefined {
  const existing = current ? (parseJson(current.bytes) ?? {}) : {}
  const kept = Array.isArray(existing.manifests) ? (existing.manifests as unknown[]) : []
  const present = new Set(current ? listedDescriptors(current.bytes).map((d) => d.digest) : [])
  const missing: ListedDescriptor[] = []
  for (const d of additions) {
    if (present.has(d.digest)) continue
    present.add(d.digest)
    missing.push(d)
  }
  if (missing.length === 0) return undefined
  const index = {
    ...(current ? existing : { schemaVersion: 2, mediaType: OCI_INDEX }),
    manifests: [...kept, ...missing]
  }
  const bytes = new TextEncoder().encode(JSON.stringify(index))
  const mediaType = current && isIndexMediaType(current.mediaType) ? current.mediaType : OCI_INDEX
  return { bytes, mediaType, digest: digestOf(bytes) }
}
