import type { RawManifest } from '../distribution/manifests.js'
import {
  isIndexMediaType,
  MANIFEST_MEDIA_TYPES,
  type Descriptor
} from '../distribution/media-types.js'
import { allLimited } from '../shared/limit.js'
import { artifactFields } from './artifact-fields.js'
import { listedDescriptors } from './referrers-index.js'
import { COSIGN_SUFFIXES, cosignTag, referrersTag } from './tag-names.js'
import type { Referrer } from './types.js'
import { walkReferrers, type Candidate, type WalkOptions } from './walk.js'

/** An OCI image layout as discovery needs it: index.json's descriptors and its manifests. */
export interface LayoutReferrerSource {
  readonly layoutDescriptors: readonly Descriptor[]
  manifest(digest: string): Promise<RawManifest>
}

const REF_NAME = 'org.opencontainers.image.ref.name'
/** Manifests read from disk at once. */
const READS = 8

/**
 * The signatures, attestations and SBOMs an OCI image layout holds for
 * `subjects`, found among its top-level descriptors (index.json): manifests
 * whose `subject` is one of them, descriptors named (`ref.name`) as cosign
 * tags `sha256-<hex>.sig`, `.att`, `.sbom`, and a referrers tag `sha256-<hex>`
 * naming an index whose manifests are referrers. Referrers of referrers
 * follow, breadth first.
 */
export async function discoverLayoutReferrers(
  layout: LayoutReferrerSource,
  subjects: readonly string[],
  options: Partial<WalkOptions> = {}
): Promise<Referrer[]> {
  const named = new Map<string, Descriptor>()
  for (const d of layout.layoutDescriptors) {
    const name = d.annotations?.[REF_NAME]
    if (name !== undefined) named.set(tagOf(name), d)
  }
  const tops = [
    ...new Map(
      layout.layoutDescriptors
        .filter((d) => MANIFEST_MEDIA_TYPES.includes(d.mediaType))
        .map((d) => [d.digest, d])
    ).values()
  ]
  const manifests = await allLimited(tops, READS, (d) => layout.manifest(d.digest))
  const bySubject = new Map<string, RawManifest[]>()
  for (const m of manifests) {
    const subject = artifactFields(m).subject
    if (subject !== undefined) bySubject.set(subject, [...(bySubject.get(subject) ?? []), m])
  }

  const find = async (subject: string): Promise<Candidate[]> => {
    const candidates: Candidate[] = (bySubject.get(subject) ?? []).map((m) => ({
      key: m.digest,
      subject,
      via: { kind: 'subject' },
      mediaType: m.mediaType,
      load: async () => m
    }))
    const tagged = named.get(referrersTag(subject))
    if (tagged && isIndexMediaType(tagged.mediaType)) {
      const index = await layout.manifest(tagged.digest)
      for (const d of listedDescriptors(index.bytes))
        candidates.push({
          key: d.digest,
          subject,
          via: { kind: 'subject' },
          mediaType: d.mediaType,
          load: () => layout.manifest(d.digest)
        })
    }
    for (const suffix of COSIGN_SUFFIXES) {
      const tag = cosignTag(subject, suffix)
      const d = named.get(tag)
      if (d)
        candidates.push({
          key: tag,
          subject,
          via: { kind: 'cosign-tag', tag },
          mediaType: d.mediaType,
          load: () => layout.manifest(d.digest)
        })
    }
    return candidates
  }
  return walkReferrers(subjects, find, { concurrency: READS, ...options })
}

/** A `ref.name` is a tag, or a whole reference whose tag follows the last colon. */
function tagOf(name: string): string {
  const at = name.lastIndexOf(':')
  return at >= 0 && !name.slice(at).includes('/') ? name.slice(at + 1) : name
}
