import type { Plan } from './plan.js'
import type { Repository } from '../registry/reference.js'
import { referrerSummary } from '../referrers/summary.js'
import type { ArtifactKind } from '../referrers/types.js'

/** What became of one tag on one target. */
export type TagStatus = 'pushed' | 'already there' | 'kept' | 'failed'

export interface TagResult {
  readonly tag: string
  readonly reference: string
  readonly reasons: readonly string[]
  readonly status: TagStatus
  /** kept: 'newer version 2.0.0 holds it'; failed: the reason. */
  readonly detail?: string
  /** The digest the tag points at after the run (verified) when known. */
  readonly digest?: string
}

/** What became of one signature, attestation or SBOM on one target. */
export interface ReferrerResult {
  readonly digest: string
  readonly subject: string
  readonly kind: ArtifactKind
  /** `referrers API`, `referrers tag sha256-…`, or the cosign tag `sha256-….sig`. */
  readonly where: string
  readonly status: 'copied' | 'already there' | 'kept' | 'failed'
  readonly detail?: string
}

export interface TargetResult {
  readonly repository: Repository
  /** The digest this target received; differs from the run's only when the docker CLI re-compressed. */
  readonly digest?: string
  readonly tags: readonly TagResult[]
  /** The signatures, attestations and SBOMs copied with the image. */
  readonly referrers?: readonly ReferrerResult[]
}

export interface PublishResult {
  readonly digest: string
  readonly targets: readonly TargetResult[]
  /** What the platform filter kept and dropped, when it changed the source. */
  readonly platforms?: {
    readonly kept: readonly string[]
    readonly dropped: readonly string[]
    readonly sourceDigest: string
  }
}

/** Statuses in the order the tally line lists them. */
const STATUSES: readonly TagStatus[] = ['pushed', 'already there', 'kept', 'failed']

/** A tag that points at the published digest after the run. */
export function isLanded(r: TagResult): boolean {
  return r.status === 'pushed' || r.status === 'already there'
}

/** The user-facing words for a tag's result, with its detail: `kept (newer version 2.0.0 holds it)`. */
export function statusText(r: TagResult): string {
  switch (r.status) {
    case 'kept':
      return `kept (${r.detail ?? 'newer version holds it'})`
    case 'failed':
      return r.detail ? `failed: ${r.detail}` : 'failed'
    default:
      return r.status
  }
}

/** Every reference verified at the digest (pushed or already there), target by target. */
export function verifiedReferences(result: PublishResult): string[] {
  return result.targets.flatMap((t) => t.tags.filter(isLanded).map((r) => r.reference))
}

/** The tags (without an image name) verified on every target, in the plan's order. */
export function verifiedTagNames(tags: readonly string[], result: PublishResult): string[] {
  return tags.filter(
    (tag) =>
      result.targets.length > 0 &&
      result.targets.every((t) => t.tags.some((r) => r.tag === tag && isLanded(r)))
  )
}

export function countStatuses(result: PublishResult): Record<TagStatus, number> {
  const counts: Record<TagStatus, number> = { pushed: 0, 'already there': 0, kept: 0, failed: 0 }
  for (const t of result.targets) for (const r of t.tags) counts[r.status]++
  return counts
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** `12 tags on 3 targets: 8 pushed, 2 already there, 1 kept, 1 failed`; statuses at 0 are left out. */
export function tallyLine(result: PublishResult): string {
  const counts = countStatuses(result)
  const total = STATUSES.reduce((sum, s) => sum + counts[s], 0)
  const parts = STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`)
  const head = `${plural(total, 'tag')} on ${plural(result.targets.length, 'target')}`
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head
}

/** The referrers that did not land (or failed verification), target by target. */
export function failedReferrers(
  result: PublishResult
): { target: string; referrer: ReferrerResult }[] {
  return result.targets.flatMap((t) =>
    (t.referrers ?? [])
      .filter((r) => r.status === 'failed')
      .map((referrer) => ({ target: t.repository.name, referrer }))
  )
}

/** `copied 2 signatures, 1 attestation; 1 already there` for one target's referrers. */
export function referrersLine(referrers: readonly ReferrerResult[]): string {
  const by = (status: ReferrerResult['status']) => referrers.filter((r) => r.status === status)
  const parts: string[] = []
  const copied = by('copied')
  if (copied.length > 0) parts.push(`copied ${referrerSummary(copied)}`)
  for (const status of ['already there', 'kept', 'failed'] as const) {
    const n = by(status).length
    if (n > 0) parts.push(`${n} ${status}`)
  }
  return parts.join('; ')
}

/** The tags that did not land, target by target, for failure lists. */
export function failedTags(result: PublishResult): TagResult[] {
  return result.targets.flatMap((t) => t.tags.filter((r) => r.status === 'failed'))
}

/** The result of a publish that wrote and checked nothing: every target, no tag, no digest. */
export function nothingPublished(plan: Plan): PublishResult {
  return { digest: '', targets: plan.targets.map((t) => ({ repository: t.repository, tags: [] })) }
}
