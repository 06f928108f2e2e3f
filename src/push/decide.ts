import type { FloatingTag } from '../tags/compute.js'
import { holdsNewer } from './floating.js'

/** What to do with one tag of one target, decided before any write. */
export type TagDecision =
  | { readonly action: 'write'; readonly current?: string }
  | { readonly action: 'already there' }
  | { readonly action: 'kept'; readonly newer: string }

export interface TagFacts {
  /** Where the tag points now; undefined when it does not exist. */
  readonly current?: string
  /** The digest this run publishes; undefined while the docker engine has not pushed yet. */
  readonly expected?: string
  readonly floating?: FloatingTag
  /** Every tag of the target repository. */
  readonly existingTags: readonly string[]
  readonly forwardOnly: boolean
}

/**
 * A tag already at the digest is left alone (re-runs write nothing, also on
 * immutable repositories); a floating tag a newer release holds stays where
 * it is; everything else is written.
 */
export function decideTag(facts: TagFacts): TagDecision {
  if (facts.current !== undefined && facts.current === facts.expected)
    return { action: 'already there' }
  if (facts.forwardOnly && facts.floating) {
    const newer = holdsNewer(facts.floating, facts.existingTags)
    if (newer !== undefined) return { action: 'kept', newer }
  }
  return facts.current === undefined
    ? { action: 'write' }
    : { action: 'write', current: facts.current }
}
