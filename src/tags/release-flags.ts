import { readRef, type EventContext } from './context.js'

/** Said in a tag's reason when GitHub's pre-release flag changed what the tag is. */
export const PRERELEASE_NOTE = 'marked pre-release in GitHub'

/**
 * True on a `release` event for a release marked pre-release in GitHub: even
 * a clean version (`v1.4.0`) is then a prerelease, with no `latest`,
 * `<major>` or `<major>.<minor>`.
 */
export function markedPrerelease(ctx: EventContext): boolean {
  return ctx.eventName === 'release' && ctx.release?.prerelease === true
}

/** True on a `release` event for a draft release: nothing is published for it. */
export function draftRelease(ctx: EventContext): boolean {
  return ctx.eventName === 'release' && ctx.release?.draft === true
}

/** The same event as if GitHub had not marked the release: what a stable release would get. */
export function withoutPrereleaseMark(ctx: EventContext): EventContext {
  return ctx.release ? { ...ctx, release: { ...ctx.release, prerelease: false } } : ctx
}

/** `release v1.4.0`, or `the release` when the ref names no tag. */
function releaseName(ctx: EventContext): string {
  const ref = readRef(ctx.ref)
  return ref.kind === 'tag' ? `release ${ref.name}` : 'the release'
}

export function draftWarning(ctx: EventContext): string {
  return `${releaseName(ctx)} is a draft: nothing is published`
}

/** One line naming the tags a stable release would get that this pre-release does not. */
export function withheldWarning(ctx: EventContext, withheld: readonly string[]): string {
  const list =
    withheld.length === 1
      ? withheld[0]!
      : `${withheld.slice(0, -1).join(', ')} and ${withheld[withheld.length - 1]!}`
  const them = withheld.length === 1 ? 'it is' : 'they are'
  return `${releaseName(ctx)} is ${PRERELEASE_NOTE}: ${list} not given (${them} for stable releases only)`
}
