/**
 * A tag that follows the newest release of a scope (`latest`, `1`, `1.4`,
 * `rc`). Before moving it the publisher reads the target's tags and keeps it
 * where it is when a strictly higher version of the same scope exists, so a
 * hotfix of an old line never pulls `latest` back.
 */
export interface FloatingTag {
  /** latest: every stable version; major/minor: stable versions of that line; channel: its prereleases. */
  readonly kind: 'latest' | 'major' | 'minor' | 'channel'
  /** The release this run publishes, plain semver without prefix: `1.1.1`, `2.0.0-rc.1`. */
  readonly version: string
  /**
   * The text around a version in this run's version tags (flavor prefix and
   * suffix, and a `v` when the tags keep it): only repository tags written
   * the same way count as versions.
   */
  readonly prefix: string
  readonly suffix: string
  /** For kind channel: `rc`. */
  readonly channel?: string
}

/** A tag proposed by a strategy or a rule, before ordering and de-duplication. */
export interface TagCandidate {
  readonly value: string
  /** Higher comes first in the output; equal priorities keep their order. */
  readonly priority: number
  /** Why this tag was chosen, for the summary: `semver: release v1.2.3`. */
  readonly reason: string
  /** The input that produced it, for error messages: `strategies`, `tags`. */
  readonly origin: string
  /** Where in that input, when it has lines: `line 2 "type=raw,value=x"`. */
  readonly where?: string
  /** A `latest` tag: flavor prefix/suffix apply to it only with `onlatest`. */
  readonly isLatest?: boolean
  /** Set when the tag must never move back to an older release; absent for fixed tags. */
  readonly floating?: FloatingTag
}
