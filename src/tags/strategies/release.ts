import { readRef, type EventContext } from '../context.js'
import { parseReleaseTag, type ReleaseVersion } from '../version.js'

/** The release this event is for, when its ref is a semver tag. */
export function releaseOf(ctx: EventContext, prefix: string): ReleaseVersion | undefined {
  const ref = readRef(ctx.ref)
  return ref.kind === 'tag' ? parseReleaseTag(ref.name, prefix) : undefined
}
