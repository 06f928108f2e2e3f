import type { RawManifest } from './manifests.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'

/**
 * Every manifest type tagship copies, for `Accept`. Leaving the list types
 * out lets a registry answer with one platform of a multi-arch image.
 */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  OCI_INDEX,
  OCI_MANIFEST,
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST
]

export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST
}

export interface Platform {
  readonly architecture: string
  readonly os: string
  readonly variant?: string
  readonly 'os.version'?: string
}

export interface Descriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
  readonly platform?: Platform
  readonly annotations?: Readonly<Record<string, string>>
}

/** The media type a manifest's JSON names, or the one its shape implies (the OCI field is optional). */
export function mediaTypeOfJson(bytes: Uint8Array): string | undefined {
  const json = parseJson(bytes)
  if (!json) return undefined
  if (typeof json.mediaType === 'string' && json.mediaType) return json.mediaType
  if (Array.isArray(json.manifests)) return OCI_INDEX
  if (json.config !== undefined || Array.isArray(json.layers)) return OCI_MANIFEST
  return undefined
}

/**
 * What a manifest refers to: an index's child manifests, or an image's
 * blobs (config first, then the layers).
 */
export function manifestChildren(m: RawManifest): {
  manifests: Descriptor[]
  blobs: Descriptor[]
} {
  const json = parseJson(m.bytes)
  if (!json) throw new Error(`manifest ${m.digest} is not a JSON object`)
  if (isIndexMediaType(m.mediaType))
    return { manifests: descriptors(json.manifests, m.digest, 'manifests'), blobs: [] }
  if (m.mediaType === OCI_MANIFEST || m.mediaType === DOCKER_MANIFEST) {
    const config = descriptors([json.config], m.digest, 'config')
    return {
      manifests: [],
      blobs: [...config, ...descriptors(json.layers ?? [], m.digest, 'layers')]
    }
  }
  throw new Error(
    `manifest ${m.digest} has media type ${m.mediaType}, which tagship does not copy (it copies ${MANIFEST_MEDIA_TYPES.join(', ')})`
  )
}

/** The JSON object in `bytes`, or undefined when they hold none. */
export function parseJson(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function descriptors(value: unknown, digest: string, field: string): Descriptor[] {
  if (!Array.isArray(value)) throw new Error(`manifest ${digest}: "${field}" is not a list`)
  return value.map((d: unknown, i) => {
    const o = (d ?? {}) as Record<string, unknown>
    if (
      typeof o.digest !== 'string' ||
      !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(o.digest) ||
      typeof o.size !== 'number' ||
      !Number.isSafeInteger(o.size) ||
      o.size < 0
    )
      throw new Error(`manifest ${digest}: ${field}[${i}] is not a valid descriptor`)
    return o as unknown as Descriptor
  })
}
