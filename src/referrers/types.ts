import type { RawManifest } from '../distribution/manifests.js'

/** What an artifact is, for the summary: `2 signatures, 1 attestation, 1 SBOM`. */
export type ArtifactKind = 'signature' | 'attestation' | 'sbom' | 'artifact'

/**
 * An artifact that travels with the image: a manifest that names the image
 * (or one of its platform manifests) as its `subject` (OCI 1.1: found through
 * the referrers API or the referrers tag schema), or a cosign artifact kept
 * under a tag next to the image (`sha256-<hex>.sig`, `.att`, `.sbom`).
 */
export interface Referrer {
  /** The artifact's own manifest (or index), exact bytes. */
  readonly manifest: RawManifest
  /** The digest it refers to: its `subject`, or the digest a cosign tag names. */
  readonly subject: string
  /** How it is found and kept on a target. */
  readonly via: { readonly kind: 'subject' } | { readonly kind: 'cosign-tag'; readonly tag: string }
  readonly kind: ArtifactKind
  /** `artifactType`, or the config's media type when the manifest has none. */
  readonly artifactType?: string
  /** The manifest's own annotations, as a referrers listing carries them. */
  readonly annotations?: Readonly<Record<string, string>>
}

/** Where a referrer is kept on a target: listed by the referrers API, in the referrers tag, or under a cosign tag. */
export type ReferrerPlacement = 'api' | 'tag-schema' | 'cosign-tag'

/** What became of one referrer on one target. */
export interface ReferrerOutcome {
  readonly referrer: Referrer
  readonly status: 'copied' | 'already there' | 'kept' | 'failed'
  /** kept and failed: why. */
  readonly detail?: string
  readonly via: ReferrerPlacement
}

/** A descriptor as a referrers listing (the API's answer or a referrers tag's index) carries it. */
export interface ListedDescriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
  readonly artifactType?: string
  readonly annotations?: Readonly<Record<string, string>>
}

/** What a target lists for one subject before anything is written. */
export interface SubjectListing {
  /** Digests its referrers API lists; undefined when the target has no API (404, 400, 405, 501). */
  readonly api?: ReadonlySet<string>
  /** Digests the index under the referrers tag (`sha256-<hex>`) lists; empty when there is no such tag. */
  readonly tagIndex: ReadonlySet<string>
}

/** What a target holds of a set of referrers, read before any write (see readTargetReferrers). */
export interface TargetReferrers {
  /** By subject digest. */
  readonly subjects: ReadonlyMap<string, SubjectListing>
  /** The cosign tags (`sha256-<hex>.sig`…) the target has, with the digest each points at. */
  readonly cosignTags: ReadonlyMap<string, string>
}
