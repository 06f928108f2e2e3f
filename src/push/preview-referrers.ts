import { kindNoun } from '../referrers/summary.js'
import type { TargetReferrers } from '../referrers/target.js'
import type { Referrer } from '../referrers/types.js'
import type { ReferrerPreview } from './preview-result.js'

/**
 * What the referrers phase would do with each referrer on one target, from
 * what the target holds (read before any write, as for the publish): one
 * listed for its subject (referrers API or referrers tag) or under its cosign
 * tag is already there; a cosign tag at another manifest is the target's
 * own, kept; anything else would be copied.
 */
export function referrerPreviews(
  referrers: readonly Referrer[],
  held: TargetReferrers
): ReferrerPreview[] {
  return referrers.map((r) => {
    const base = { digest: r.manifest.digest, subject: r.subject, kind: r.kind }
    if (r.via.kind === 'subject') {
      const listing = held.subjects.get(r.subject)
      const listed = listing?.api?.has(base.digest) || listing?.tagIndex.has(base.digest)
      return { ...base, action: listed ? 'already there' : 'copy' }
    }
    const at = held.cosignTags.get(r.via.tag)
    if (at === base.digest) return { ...base, action: 'already there' }
    if (at === undefined) return { ...base, action: 'copy' }
    return {
      ...base,
      action: 'kept',
      detail: `the target's tag ${r.via.tag} points at ${at}, its own ${kindNoun(r.kind, 2)}: not overwritten`
    }
  })
}
