import type { FloatingTag } from '../candidate.js'
import { readRef, type EventContext } from '../context.js'
import { parseReleaseTag, prereleaseChannel, type ReleaseVersion } from '../version.js'

/** The release this event is for, when its ref is a semver tag. */
export function releaseOf(ctx: EventContext, prefix: string): ReleaseVersion | undefined {
  const ref = readRef(ctx.ref)
  return ref.kind === 'tag' ? parseReleaseTag(ref.name, prefix) : undefined
}

/**
 * Floating metadata for a strategy tag that follows `release`. Strategies
 * write versions bare (`1.2.3`, never `v1.2.3`), so prefix and suffix start
 * empty; computeTags adds the flavor's.
 */
export function floatingFor(kind: FloatingTag['kind'], release: ReleaseVersion): FloatingTag {
  const channel = kind === 'channel' ? prereleaseChannel(release) : undefined
  return {
    kind,
    version: release.version,
    prefix: '',
    suffix: '',
    ...(channel !== undefined ? { channel } : {})
  }
}
