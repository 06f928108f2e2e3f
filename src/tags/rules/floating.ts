import type { FloatingTag, TagCandidate } from '../candidate.js'
import { replaceInvalidTagCharacters } from '../sanitize.js'
import { parseReleaseTag, prereleaseChannel } from '../version.js'
import type { Produced } from './producers.js'
import type { Rule } from './rule.js'

/** The text around a version in a tag: `v` and `-alpine` in `v1.2.3-alpine`. */
interface Frame {
  readonly prefix: string
  readonly suffix: string
}

/** What one rule tag tells about this run's releases. */
export interface VersionTag {
  /** Position of the tag in evaluateRules' list. */
  readonly index: number
  readonly version: string
  /** Set when the tag holds the whole version: its frame is how this run writes versions. */
  readonly full?: Frame
  /** Set when the tag follows a scope; `own` is the frame of the tag itself. */
  readonly follows?: { readonly kind: FloatingTag['kind']; readonly channel?: string; own: Frame }
}

/** `{{major}}` or `{{major}}.{{minor}}` with literal text around it: `v{{major}}`. */
const LINE_PATTERN = /^([^{}]*)\{\{\s*major\s*\}\}(\.\{\{\s*minor\s*\}\})?([^{}]*)$/

/**
 * Read a rule's tag for floating: a semver rule whose pattern is `{{major}}`
 * or `{{major}}.{{minor}}` (with text around it) follows that line; a match
 * rule whose value is the major, the major.minor, or the prerelease channel
 * of the git tag follows the same scope.
 */
export function versionTagOf(
  rule: Rule,
  produced: Produced,
  around: Frame,
  index: number
): VersionTag | undefined {
  const release = produced.release
  if (!release) return undefined
  const { version } = release
  const frame = (before: string, after: string): Frame => ({
    prefix: replaceInvalidTagCharacters(around.prefix + before),
    suffix: replaceInvalidTagCharacters(after + around.suffix)
  })
  const value = produced.value
  const at = value.indexOf(version)
  if (at >= 0) {
    return { index, version, full: frame(value.slice(0, at), value.slice(at + version.length)) }
  }
  const follows = (kind: FloatingTag['kind'], own: Frame, channel?: string): VersionTag => ({
    index,
    version,
    follows: { kind, own, ...(channel !== undefined ? { channel } : {}) }
  })
  if (rule.type === 'semver') {
    const m = release.unstable ? null : LINE_PATTERN.exec(rule.attrs.pattern ?? '')
    if (!m) return { index, version }
    return follows(m[2] ? 'minor' : 'major', frame(m[1]!, m[3]!))
  }
  if (!release.unstable && value === `${release.major}.${release.minor}`) {
    return follows('minor', frame('', ''))
  }
  if (!release.unstable && value === `${release.major}`) return follows('major', frame('', ''))
  const parsed = release.unstable ? parseReleaseTag(version, '') : undefined
  const channel = parsed ? prereleaseChannel(parsed) : undefined
  if (channel !== undefined && value.toLowerCase() === channel) {
    return follows('channel', frame('', ''), channel)
  }
  return { index, version }
}

/**
 * Put floating metadata on the rule tags that follow a scope. Versions are
 * recognised by how this run writes them (the first tag holding a whole
 * version), so `v{{major}}` next to `{{version}}` follows `1.2.3`, not `v1.2.3`.
 */
export function withFloating(
  tags: readonly TagCandidate[],
  found: readonly VersionTag[]
): TagCandidate[] {
  const run = runFrame(found)
  const out = [...tags]
  for (const f of found) {
    if (!f.follows) continue
    const { kind, channel, own } = f.follows
    const floating: FloatingTag = {
      kind,
      version: f.version,
      ...(run ?? own),
      ...(channel !== undefined ? { channel } : {})
    }
    out[f.index] = { ...out[f.index]!, floating }
  }
  return out
}

/**
 * Floating metadata for the flavor's `latest`: the first release a rule read.
 * Undefined when no rule read a semver release (a branch push with
 * latest=true) or no tag shows how versions are written: such a `latest` has
 * nothing to be compared with and always moves.
 */
export function latestFloating(found: readonly VersionTag[]): FloatingTag | undefined {
  const first = found[0]
  const frame = runFrame(found) ?? found.find((f) => f.follows)?.follows?.own
  if (!first || !frame) return undefined
  return { kind: 'latest', version: first.version, ...frame }
}

function runFrame(found: readonly VersionTag[]): Frame | undefined {
  return found.find((f) => f.full)?.full
}
