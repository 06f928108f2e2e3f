import { InputError, quote } from '../shared/errors.js'
import { digestOf } from '../distribution/digest.js'
import type { RawManifest } from '../distribution/manifests.js'
import { manifestChildren, type Descriptor, type Platform } from '../distribution/media-types.js'
import type { PlatformSpec } from '../inputs/platforms.js'

/** buildx's marks on an attestation manifest in an index. */
const REFERENCE_TYPE = 'vnd.docker.reference.type'
const REFERENCE_DIGEST = 'vnd.docker.reference.digest'

/** What the platform filter made of an index. */
export type Filtered =
  /** Every platform is kept: the index as it is. */
  | { readonly kind: 'whole'; readonly index: RawManifest }
  /** Some platforms were dropped: a new index, with a new digest. */
  | {
      readonly kind: 'index'
      readonly index: RawManifest
      readonly kept: readonly string[]
      readonly dropped: readonly string[]
    }
  /** One platform kept: its own manifest is published. */
  | {
      readonly kind: 'single'
      readonly manifest: Descriptor
      readonly kept: readonly string[]
      readonly dropped: readonly string[]
    }

export function platformText(p: Platform | undefined): string {
  if (!p) return 'unknown'
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** Whether an index entry is buildx's attestation manifest for another entry. */
function isAttestation(d: Descriptor): boolean {
  return d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest'
}

/** arm64's variant v8 is its only one: `linux/arm64` and `linux/arm64/v8` are the same platform. */
function variantOf(architecture: string, variant: string | undefined): string | undefined {
  return architecture === 'arm64' && variant === 'v8' ? undefined : variant
}

function matches(spec: PlatformSpec, p: Platform | undefined): boolean {
  if (!p || p.os !== spec.os || p.architecture !== spec.architecture) return false
  // Without a variant the spec names every variant of the architecture.
  if (spec.variant === undefined) return true
  return variantOf(p.architecture, p.variant) === variantOf(spec.architecture, spec.variant)
}

/**
 * Keep only the wanted platforms of an index. Attestation manifests follow
 * the platform they describe. Every wanted platform must be in the index,
 * or nothing is published. One platform kept becomes that platform's own
 * manifest unless `keepIndex`.
 */
export function filterPlatforms(
  index: RawManifest,
  wanted: readonly PlatformSpec[],
  options: { readonly keepIndex: boolean; readonly source: string }
): Filtered {
  const { manifests } = manifestChildren(index)
  const images = manifests.filter((d) => !isAttestation(d))
  const held = images.map((d) => platformText(d.platform))
  for (const spec of wanted)
    if (!images.some((d) => matches(spec, d.platform)))
      throw new InputError(
        'platforms',
        `${quote(spec.text)} is not in the source ${quote(options.source)}, which holds ${held.join(', ') || 'no platform'}: list only platforms it holds`
      )
  const keptImages = images.filter((d) => wanted.some((spec) => matches(spec, d.platform)))
  const keptDigests = new Set(keptImages.map((d) => d.digest))
  const kept = keptImages.map((d) => platformText(d.platform))
  const dropped = images
    .filter((d) => !keptDigests.has(d.digest))
    .map((d) => platformText(d.platform))
  if (dropped.length === 0) return { kind: 'whole', index }
  if (keptImages.length === 1 && !options.keepIndex)
    return { kind: 'single', manifest: keptImages[0]!, kept, dropped }
  const entries = manifests.filter((d) =>
    isAttestation(d)
      ? keptDigests.has(d.annotations?.[REFERENCE_DIGEST] ?? '')
      : keptDigests.has(d.digest)
  )
  const json = JSON.parse(new TextDecoder().decode(index.bytes)) as Record<string, unknown>
  const bytes = new TextEncoder().encode(JSON.stringify({ ...json, manifests: entries }))
  return {
    kind: 'index',
    index: { bytes, mediaType: index.mediaType, digest: digestOf(bytes) },
    kept,
    dropped
  }
}
