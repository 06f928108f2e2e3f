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
}
