import type { RawManifest } from '../distribution/manifests.js'
import type { TagDecision } from './decide.js'
import { NO_GROUP, type PublishEvents } from './events.js'
import type { LineLog } from './publish.js'
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

/**
 * Record what became of a tag, and tell the edge, which prints it into
 * `group` (see printEvent); `previous`: where a pushed tag pointed before.
 */
export function settle(
  run: TargetRun,
  result: TagResult,
  group: LineLog = NO_GROUP,
  previous?: string
): void {
  run.results.set(result.tag, result)
  run.events(
    {
      kind: 'tag',
      target: run.state.target.repository.name,
      tag: result.tag,
      reference: result.reference,
      status: result.status,
      ...(result.detail !== undefined ? { detail: result.detail } : {}),
      ...(previous !== undefined ? { previous } : {})
    },
    group
  )
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
