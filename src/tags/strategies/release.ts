import type { FloatingTag } from '../candidate.js'
import { readRef, type EventContext } from '../context.js'
import { markedPrerelease, PRERELEASE_NOTE } from '../release-flags.js'
import {
  isPrerelease,
  parseReleaseTag,
  prereleaseChannel,
  type ReleaseVersion
} from '../version.js'

/** The release an event is for, as the strategies treat it. */
export interface EventRelease extends ReleaseVersion {
  /** A semver prerelease, or a clean version GitHub marks pre-release: only its full version. */
  readonly unstable: boolean
  /** For reasons: `v1.4.0`, or `v1.4.0 (marked pre-release in GitHub)` when the mark made it unstable. */
  readonly label: string
}

/** The release this event is for, when its ref is a semver tag. */
export function releaseOf(ctx: EventContext, prefix: string): EventRelease | undefined {
  const ref = readRef(ctx.ref)
  const version = ref.kind === 'tag' ? parseReleaseTag(ref.name, prefix) : undefined
  if (!version) return undefined
  const marked = !isPrerelease(version) && markedPrerelease(ctx)
  return {
    ...version,
    unstable: marked || isPrerelease(version),
    label: marked ? `${version.raw} (${PRERELEASE_NOTE})` : version.raw
  }
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
