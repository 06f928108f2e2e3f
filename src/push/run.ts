import type { RawManifest } from '../distribution/manifests.js'
import type { TagDecision } from './decide.js'
import type { PublishEvents } from './events.js'
import type { PlannedTag } from './plan.js'
import type { ReferrerResult, TagResult } from './results.js'
import type { TargetState } from './target-state.js'

/** One target on its way: what it holds, what to write, what happened. */
export interface TargetRun {
  readonly state: TargetState
  manifest?: RawManifest
  decisions: Map<string, TagDecision>
  readonly results: Map<string, TagResult>
  /** The content did not arrive: no referrer is written either. */
  contentFailed?: boolean
  referrers?: ReferrerResult[]
  readonly events: PublishEvents
}

export function newRun(state: TargetState, events: PublishEvents): TargetRun {
  return { state, decisions: new Map(), results: new Map(), events }
}

/** Record what became of a tag, and tell whoever watches. */
export function settle(run: TargetRun, result: TagResult): void {
  run.results.set(result.tag, result)
  run.events({
    kind: 'tag',
    target: run.state.target.repository.name,
    tag: result.tag,
    status: result.status,
    ...(result.detail !== undefined ? { detail: result.detail } : {})
  })
}

export function base(tag: PlannedTag): Pick<TagResult, 'tag' | 'reference' | 'reasons'> {
  return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons }
}

export function tagResult(
  tag: PlannedTag,
  status: 'pushed' | 'already there',
  digest: string
): TagResult {
  return { ...base(tag), status, digest }
}
