import { formatBytes } from '../distribution/copy.js'
import type { Repository } from '../registry/reference.js'
import type { ArtifactKind } from '../referrers/types.js'
import type { PlatformChoice } from './source-resolve.js'

/**
 * What a release would do to one tag, read with no write: `create` (absent),
 * `update` (moves from one digest to another), `unchanged` (already at the
 * digest), `kept` (a floating tag a newer release holds), `blocked` (the
 * write would fail: an immutable tag, no permission, no repository).
 */
export type PreviewAction = 'create' | 'update' | 'unchanged' | 'kept' | 'blocked'

/** Actions in the order the tally line lists them. */
export const PREVIEW_ACTIONS: readonly PreviewAction[] = [
  'create',
  'update',
  'unchanged',
  'kept',
  'blocked'
]

export interface PreviewTag {
  readonly tag: string
  /** Full reference: `docker.io/acme/app:1.2.3`. */
  readonly reference: string
  /** Why the tag was chosen (the plan's reasons). */
  readonly reasons: readonly string[]
  readonly action: PreviewAction
  /** Where the tag points now; absent when it does not exist. */
  readonly from?: string
  /** The digest the release publishes; absent while unknown (a local image the docker CLI has not pushed). */
  readonly to?: string
  /** kept and blocked: why; an update's caveat (an immutability that could not be read). */
  readonly reason?: string
}

/** Whether the credentials may push to a target, read without writing. */
export interface PushPermission {
  readonly status: 'granted' | 'denied' | 'unknown'
  /** What it was read from, or why it could not be; denied: the fix. */
  readonly detail: string
}

/** What a target repository is, as far as the preview could read it (ECR's API, Docker Hub's rules). */
export interface RepositoryFacts {
  /** Tags never move (ECR `IMMUTABLE`); `unknown` when it could not be read. */
  readonly immutable: boolean | 'unknown'
  /** The release can write nothing here, and why (a missing ECR repository it may not create). */
  readonly blocked?: string
  /** One line for the report: `immutable tags (ECR)`, `does not exist: created by the release`. */
  readonly note?: string
}

/** What the content phase would send to one target. */
export type ContentPreview =
  /** Counts from reading the tree on the source and the target (see copyContent's preview). */
  | {
      readonly kind: 'copy'
      readonly blobsUploaded: number
      readonly bytesUploaded: number
      readonly blobsMounted: number
      readonly blobsPresent: number
      readonly manifestsWritten: number
      readonly manifestsPresent: number
    }
  /** A local image the target lacks: the docker CLI sends the layers the registry lacks, counts unknown. */
  | { readonly kind: 'docker push' }
  /** A local image the target lacks, uploaded by tagship: counts known once it is saved and compressed. */
  | { readonly kind: 'upload' }
  /** Nothing would be sent, and why. */
  | { readonly kind: 'none'; readonly why: string }

/** What the referrers phase would do with one signature, attestation or SBOM on one target. */
export interface ReferrerPreview {
  readonly digest: string
  readonly subject: string
  readonly kind: ArtifactKind
  readonly action: 'copy' | 'already there' | 'kept'
  /** kept: why (the target's own cosign tag). */
  readonly detail?: string
}

export interface PreviewTarget {
  readonly repository: Repository
  readonly permission: PushPermission
  readonly content: ContentPreview
  readonly tags: readonly PreviewTag[]
  /** Present when the source has referrers. */
  readonly referrers?: readonly ReferrerPreview[]
  /** What the repository is, when the preview read something worth saying (ECR). */
  readonly note?: string
}

/** A release previewed: per target and tag what the publish would do; nothing was written. */
export interface PreviewResult {
  /** The digest the tags would point at; '' while unknown (a local image not yet pushed anywhere). */
  readonly digest: string
  /** A local source: its image ID (its layers are compressed as it is pushed, so the digest is unknown). */
  readonly localImage?: string
  readonly targets: readonly PreviewTarget[]
  /** What the platform filter would keep and drop. */
  readonly platforms?: PlatformChoice
}

/** The tags the release could not write, target by target. */
export function blockedTags(result: PreviewResult): PreviewTag[] {
  return result.targets.flatMap((t) => t.tags.filter((tag) => tag.action === 'blocked'))
}

export function countActions(result: PreviewResult): Record<PreviewAction, number> {
  const counts: Record<PreviewAction, number> = {
    create: 0,
    update: 0,
    unchanged: 0,
    kept: 0,
    blocked: 0
  }
  for (const t of result.targets) for (const tag of t.tags) counts[tag.action]++
  return counts
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** `4 tags on 1 target: 1 create, 2 update, 1 kept`; actions at 0 are left out. */
export function previewTally(result: PreviewResult): string {
  const counts = countActions(result)
  const total = PREVIEW_ACTIONS.reduce((sum, a) => sum + counts[a], 0)
  const parts = PREVIEW_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${a}`)
  const head = `${plural(total, 'tag')} on ${plural(result.targets.length, 'target')}`
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head
}

/**
 * The step's failure when any tag is blocked, in one line naming them; undefined
 * when every tag can be written (or needs no write).
 */
export function previewFailure(result: PreviewResult): string | undefined {
  const blocked = blockedTags(result)
  if (blocked.length === 0) return undefined
  return `the release would not land ${plural(blocked.length, 'tag')}: ${blocked.map((t) => t.reference).join(', ')} (blocked: see the preview for why and the fix)`
}

/** One line for what a target would get: `blobs: 2 to upload (1.2 KiB), 1 to mount, …`. */
export function contentText(content: ContentPreview): string {
  switch (content.kind) {
    case 'copy':
      return `blobs: ${content.blobsUploaded} to upload (${formatBytes(content.bytesUploaded)}), ${content.blobsMounted} to mount, ${content.blobsPresent} already there; manifests: ${content.manifestsWritten} to write, ${content.manifestsPresent} already there`
    case 'docker push':
      return 'docker push sends the layers the registry lacks (how many is known only as it pushes)'
    case 'upload':
      return 'docker save, each layer compressed once, then the layers the registry lacks are uploaded (how many is known once they are compressed)'
    case 'none':
      return content.why
  }
}
