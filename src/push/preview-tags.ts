import type { TagDecision } from './decide.js'
import { keptDetail } from './floating.js'
import type { PlannedTag } from './plan.js'
import type { PreviewTag } from './preview-result.js'
import { heldBackDetail } from './tag-writes.js'
import { immutableTagDetail } from './write-errors.js'

/** What keeps a target's writes from landing, as far as the reads can tell. */
export interface WriteBlockers {
  /** The repository can take no write at all (a missing ECR repository), and why. */
  readonly repository?: string
  /** The credentials may read but not push, and why, with the fix. */
  readonly permission?: string
  /** The repository's tags never move; `unknown` when that could not be read. */
  readonly immutable: boolean | 'unknown'
}

/** One tag as the publish would leave it, decided as the publish decides it (decideTag). */
export interface TagFactsRead {
  readonly tag: PlannedTag
  readonly decision: TagDecision
  /** Where the tag points now. */
  readonly current?: string
  /** The digest the release publishes, when known. */
  readonly expected?: string
}

const UNKNOWN_MUTABILITY =
  "the repository's tag mutability could not be read: if its tags are immutable, this move is refused"

/**
 * The preview of one tag from the publish's own decision: a write becomes
 * `create` or `update`, unless something read says it would fail
 * (`blocked`, with why and the fix); `already there` is `unchanged`.
 */
export function previewTag(facts: TagFactsRead, blockers: WriteBlockers): PreviewTag {
  const { tag, decision, current, expected } = facts
  const base = {
    tag: tag.tag,
    reference: tag.reference,
    reasons: tag.reasons,
    ...(current !== undefined ? { from: current } : {}),
    ...(expected !== undefined ? { to: expected } : {})
  }
  if (decision.action === 'already there') return { ...base, action: 'unchanged' }
  if (decision.action === 'kept')
    return { ...base, action: 'kept', reason: keptDetail(decision.newer) }
  const blocked = (reason: string): PreviewTag => ({ ...base, action: 'blocked', reason })
  if (blockers.repository !== undefined) return blocked(blockers.repository)
  if (blockers.permission !== undefined) return blocked(blockers.permission)
  if (current === undefined) return { ...base, action: 'create' }
  if (blockers.immutable === true) return blocked(immutableTagDetail(tag.tag, current))
  if (blockers.immutable === 'unknown')
    return { ...base, action: 'update', reason: UNKNOWN_MUTABILITY }
  return { ...base, action: 'update' }
}

/**
 * Every tag of a target, in the plan's order; as writeTags holds floating
 * tags back when a release tag does not land, a blocked release tag blocks
 * the floating tags that would move.
 */
export function previewTags(tags: readonly TagFactsRead[], blockers: WriteBlockers): PreviewTag[] {
  const previews = tags.map((t) => previewTag(t, blockers))
  const stuck = previews.find((p, i) => p.action === 'blocked' && !tags[i]!.tag.floating)
  if (!stuck) return previews
  const why = heldBackDetail(stuck.reference, 'is blocked')
  return previews.map((p, i) =>
    tags[i]!.tag.floating && (p.action === 'create' || p.action === 'update')
      ? { ...p, action: 'blocked', reason: why }
      : p
  )
}
