import type { Inputs } from '../inputs/parse.js'
import type { Repository } from '../registry/reference.js'
import { computeTags, type FloatingTag } from '../tags/compute.js'
import type { EventContext } from '../tags/context.js'
import { imageMetadata, ociMetadata } from '../tags/labels.js'

export interface PlannedTag {
  readonly tag: string
  /** Full reference: `docker.io/acme/app:1.2.3`. */
  readonly reference: string
  /** Why the tag was chosen. */
  readonly reasons: readonly string[]
  /** Present when the tag must never move back to an older release. */
  readonly floating?: FloatingTag
}

export interface PlanTarget {
  readonly repository: Repository
  readonly tags: readonly PlannedTag[]
}

/** A tag as computed for the event, before any image name is put in front of it. */
export type BareTag = Omit<PlannedTag, 'reference'>

/** The whole publish: every target with every tag, computed and validated before any write. */
export interface Plan {
  readonly push: boolean
  /** `push: preview`: the registries are read, nothing is written. */
  readonly preview?: true
  readonly source?: string
  readonly version: string
  /** The tags of every target, without an image name, in order. */
  readonly tags: readonly BareTag[]
  readonly targets: readonly PlanTarget[]
  /** Image labels: the computed `org.opencontainers.image.*` keys with the user's over them, sorted. */
  readonly labels: Readonly<Record<string, string>>
  /** Annotation lines as docker/metadata-action writes them: `level:key=value`, level by level. */
  readonly annotations: readonly string[]
  readonly warnings: readonly string[]
  /** How inputs were taken where that differs from what was written (one line each). */
  readonly notices: readonly string[]
}

export function buildPlan(ctx: EventContext, inputs: Inputs): Plan {
  const tagSet = computeTags(ctx, inputs.tags)
  const warnings = [...tagSet.warnings]
  // A draft release has its own warning (computeTags) saying why nothing is published.
  if (tagSet.tags.length === 0 && ctx.release?.draft !== true) {
    warnings.push(
      `no strategy or rule gives a tag for this event (${ctx.eventName} on ${ctx.ref}): nothing to publish`
    )
  }
  const tags: BareTag[] = tagSet.tags.map((t) => ({
    tag: t.value,
    reasons: t.reasons,
    ...(t.floating ? { floating: t.floating } : {})
  }))
  const targets = inputs.images.map((repository) => ({
    repository,
    tags: tags.map((t) => ({ ...t, reference: `${repository.name}:${t.tag}` }))
  }))
  const metadata = imageMetadata(
    ctx,
    inputs.tags.strategyOptions,
    ociMetadata(ctx, tagSet.version, inputs.tags.strategyOptions),
    inputs.metadata
  )
  const source = inputs.source?.kind === 'local' ? inputs.source.image : inputs.source?.text
  return {
    push: inputs.push,
    ...(inputs.preview ? { preview: true as const } : {}),
    ...(source !== undefined ? { source } : {}),
    version: tagSet.version,
    tags,
    targets,
    labels: metadata.labels,
    annotations: metadata.annotations,
    warnings,
    notices: inputs.notices
  }
}

/**
 * Every full reference of the plan, target by target; with no image (a
 * `push: false` plan for bake or build-push-action), the bare tags.
 */
export function planReferences(plan: Plan): string[] {
  if (plan.targets.length === 0) return plan.tags.map((t) => t.tag)
  return plan.targets.flatMap((t) => t.tags.map((tag) => tag.reference))
}
