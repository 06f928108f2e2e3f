import { short } from '../distribution/copy.js'
import type { LineLog } from './publish.js'
import type { TagStatus } from './results.js'

/** Where one target stands; the order is the order of the publish. */
export type TargetPhase =
  | 'reading'
  | 'sending content'
  | 'writing tags'
  | 'copying referrers'
  | 'verifying'
  | 'verified'
  /** A preview's: counting what would be sent, then done (nothing written). */
  | 'previewing'
  | 'previewed'

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
      /** `docker.io/acme/app:1.2.3` */
      readonly reference: string
      readonly status: TagStatus
      readonly detail?: string
      /** Where a pushed tag pointed before. */
      readonly previous?: string
    }
  | {
      readonly kind: 'referrer'
      readonly target: string
      readonly digest: string
      readonly status: 'copied' | 'already there' | 'kept' | 'failed'
    }

/**
 * An edge's renderer: told every event, with the log group of the target it
 * is about (a group that prints nothing when the event has no place in the
 * log, as a tag settled by a failed content phase, which the failure list
 * names). Both edges print `printEvent`'s words; the CLI's live status also
 * counts.
 */
export type PublishEvents = (event: PublishEvent, group: LineLog) => void

/** The words both edges print into a target's group for an event. */
export function printEvent(event: PublishEvent, group: LineLog): void {
  if (event.kind !== 'tag') return
  const { tag, reference, status, detail, previous } = event
  switch (status) {
    case 'pushed':
      return group.info(`${tag}: pushed${previous ? ` (was ${short(previous)})` : ''}`)
    case 'already there':
      return group.info(`${tag}: already there`)
    case 'kept':
      return group.warning(
        `${reference}: kept where it is, the ${detail ?? 'newer version holds it'} (forward-only)`
      )
    case 'failed':
      return group.warning(`${reference}: ${detail ?? 'failed'}`)
  }
}

/** A group for events that have no place in the log. */
export const NO_GROUP: LineLog = { info: () => undefined, warning: () => undefined }
