import { heldReferrer } from '../referrers/held.js'
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
    const found = heldReferrer(r, held)
    if (found.state === 'already there') return { ...base, action: 'already there' }
    if (found.state === 'kept') return { ...base, action: 'kept', detail: found.detail }
    return { ...base, action: 'copy' }
  })
}
