import { isIndexMediaType } from '../distribution/media-types.js'
import { putManifest } from '../distribution/manifests.js'
import type { RepoHandle } from '../distribution/repo.js'
import { mergeReferrersIndex, listedDescriptors } from './referrers-index.js'
import { getManifestOrNothing } from './registry-api.js'
import { referrersTag } from './tag-names.js'
import type { ListedDescriptor } from './types.js'

/**
 * Add `additions` to the index under the subject's referrers tag, for a
 * registry without the referrers API: read what is there now, keep all of
 * it (other clients' referrers), append what is missing, and write it back
 * only when it changed. Undefined when nothing needed writing.
 */
export async function updateReferrersTag(
  target: RepoHandle,
  subject: string,
  additions: readonly ListedDescriptor[]
): Promise<{ added: number; kept: number } | undefined> {
  const tag = referrersTag(subject)
  const current = await getManifestOrNothing(target, tag)
  if (current && !isIndexMediaType(current.mediaType))
    throw new Error(
      `the tag ${tag} holds a ${current.mediaType}, not a referrers index: it is left as it is`
    )
  const kept = current ? listedDescriptors(current.bytes).length : 0
  const merged = mergeReferrersIndex(current, additions)
  if (!merged) return undefined
  await putManifest(target, tag, merged)
  return { added: listedDescriptors(merged.bytes).length - kept, kept }
}
