import { kindNoun } from './summary.js'
import type { TargetReferrers } from './target.js'
import type { Referrer, ReferrerPlacement } from './types.js'

/** What a target already holds of one referrer, read before any write. */
export type HeldReferrer =
  | { readonly state: 'already there'; readonly via: ReferrerPlacement }
  /** Its cosign tag points at another manifest: the target's own, never overwritten. */
  | { readonly state: 'kept'; readonly detail: string }
  | { readonly state: 'missing' }

/**
 * One rule for the publish and the preview: a referrer listed for its
 * subject (by the referrers API, or in the subject's referrers tag) or under
 * its cosign tag is already there; a cosign tag at another manifest is kept;
 * anything else is missing, to be copied.
 */
export function heldReferrer(r: Referrer, held: TargetReferrers): HeldReferrer {
  const digest = r.manifest.digest
  if (r.via.kind === 'subject') {
    const listing = held.subjects.get(r.subject)
    if (listing?.api?.has(digest)) return { state: 'already there', via: 'api' }
    if (listing?.tagIndex.has(digest)) return { state: 'already there', via: 'tag-schema' }
    return { state: 'missing' }
  }
  const at = held.cosignTags.get(r.via.tag)
  if (at === digest) return { state: 'already there', via: 'cosign-tag' }
  if (at === undefined) return { state: 'missing' }
  return {
    state: 'kept',
    detail: `the target's tag ${r.via.tag} points at ${at}, its own ${kindNoun(r.kind, 2)}: not overwritten`
  }
}
