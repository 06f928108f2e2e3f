import { getManifest } from '../distribution/manifests.js'
import type { RepoHandle } from '../distribution/repo.js'
import { listTags } from '../distribution/tags.js'
import { getManifestOrNothing, readReferrersApi, readTagIndex } from './registry-api.js'
import { COSIGN_SUFFIXES, cosignTag, referrersTag } from './tag-names.js'
import type { Referrer } from './types.js'
import { walkReferrers, type Candidate, type WalkOptions } from './walk.js'

/**
 * The signatures, attestations and SBOMs of an image in a registry.
 * `subjects` are the image's digest and, for an index, its platform
 * manifests' digests. For each: the referrers API (`GET …/referrers/<digest>`),
 * or where the registry has none the referrers tag (`sha256-<hex>`); plus the
 * referrers tag when the API answers and the tag is there too (referrers
 * pushed before the registry had the API); plus cosign's `sha256-<hex>.sig`,
 * `.att` and `.sbom` tags. The tag list is read once and only tags it holds
 * are asked for, and the API no more once it answered that there is none.
 * Referrers of referrers follow, breadth first.
 */
export async function discoverRegistryReferrers(
  repo: RepoHandle,
  subjects: readonly string[],
  options: WalkOptions & {
    /** The repository's tags, when the caller already asked for them (the list is read once). */
    readonly tags?: Promise<readonly string[]>
  }
): Promise<Referrer[]> {
  // The tag list and the first subject's referrers are asked for at once.
  const tagSet = (options.tags ?? listTags(repo)).then((t) => new Set(t))
  // Its failure surfaces where a subject awaits it; until then it is not unhandled.
  tagSet.catch(() => undefined)
  // A registry without the API answers so for every subject: ask once.
  let noApi = false
  const find = async (subject: string): Promise<Candidate[]> => {
    const [api, tags] = await Promise.all([
      noApi ? undefined : readReferrersApi(repo, subject),
      tagSet
    ])
    if (!api) noApi = true
    const listed = api ?? []
    const tag = referrersTag(subject)
    if (tags.has(tag)) listed.push(...((await readTagIndex(repo, tag))?.listed ?? []))
    const candidates: Candidate[] = listed.map((d) => ({
      key: d.digest,
      subject,
      via: { kind: 'subject' },
      mediaType: d.mediaType,
      load: () => getManifestOrNothing(repo, d.digest)
    }))
    for (const suffix of COSIGN_SUFFIXES) {
      const tag = cosignTag(subject, suffix)
      if (!tags.has(tag)) continue
      candidates.push({
        key: tag,
        subject,
        via: { kind: 'cosign-tag', tag },
        load: () => getManifest(repo, tag)
      })
    }
    return candidates
  }
  return walkReferrers(subjects, find, options)
}
