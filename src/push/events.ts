import type { TagStatus } from './results.js'

/** Where one target stands; the order is the order of the publish. */
export type TargetPhase =
  'reading' | 'sending content' | 'writing tags' | 'copying referrers' | 'verifying' | 'verified'

/**
 * What a publish reports as it goes, besides its log lines: typed, so an
 * edge (the CLI's live status) follows the work without reading any text.
 * `target` is the repository's full name, as in the plan.
 */
export type PublishEvent =
  | { readonly kind: 'phase'; readonly target: string; readonly phase: TargetPhase }
  | {
      readonly kind: 'blob'
      readonly target: string
      readonly digest: string
      readonly bytes: number
      readonly how: 'uploaded' | 'mounted' | 'already there'
    }
  | {
      readonly kind: 'tag'
      readonly target: string
      readonly tag: string
      readonly status: TagStatus
      readonly detail?: string
    }
  | {
      readonly kind: 'referrer'
      readonly target: string
      readonly digest: string
      readonly status: 'copied' | 'already there' | 'kept' | 'failed'
    }

export type PublishEvents = (event: PublishEvent) => void

/** For a publish nobody watches. */
export const NO_EVENTS: PublishEvents = () => undefined
