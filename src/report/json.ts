import { planReferences, type Plan, type PlannedTag } from '../push/plan.js'
import type { PreviewResult, PreviewTag } from '../push/preview-result.js'
import {
  verifiedReferences,
  verifiedTagNames,
  type PublishResult,
  type TagResult
} from '../push/results.js'

/** The `json` output before anything is pushed (`push: false`): every tag is `planned`. */
export function planJson(plan: Plan): object {
  return {
    ...head(plan, planReferences(plan), names(plan), ''),
    targets: plan.targets.map((t) => ({
      repository: t.repository.name,
      registry: t.repository.registry,
      tags: t.tags.map((tag) => ({ ...tagBase(tag), result: 'planned' }))
    })),
    warnings: plan.warnings
  }
}

/**
 * The `json` output after a publish: the plan's shape with the real digest,
 * `tags` holding only references verified at it, and per tag its result.
 */
export function publishJson(plan: Plan, result: PublishResult): object {
  return {
    ...head(plan, verifiedReferences(result), verifiedTagNames(names(plan), result), result.digest),
    targets: result.targets.map((t) => ({
      repository: t.repository.name,
      registry: t.repository.registry,
      ...(t.digest !== undefined ? { digest: t.digest } : {}),
      tags: t.tags.map(tagResultJson),
      ...(t.referrers !== undefined ? { referrers: t.referrers } : {})
    })),
    ...(result.platforms !== undefined ? { platforms: result.platforms } : {}),
    warnings: plan.warnings
  }
}

/**
 * The `json` output of a preview: the publish json's shape with nothing
 * published (`tags` and `tag-names` empty), the digest the tags would point
 * at when known, and per target its push permission, content and per tag
 * what the release would do (`action`, `from`, `to`, `reason`).
 */
export function previewJson(plan: Plan, result: PreviewResult): object {
  return {
    ...head(plan, [], [], result.digest),
    preview: true,
    ...(result.localImage !== undefined ? { 'local-image': result.localImage } : {}),
    targets: result.targets.map((t) => ({
      repository: t.repository.name,
      registry: t.repository.registry,
      permission: t.permission,
      ...(t.note !== undefined ? { note: t.note } : {}),
      content: t.content,
      tags: t.tags.map(previewTagJson),
      ...(t.referrers !== undefined ? { referrers: t.referrers } : {})
    })),
    ...(result.platforms !== undefined ? { platforms: result.platforms } : {}),
    warnings: plan.warnings
  }
}

function previewTagJson(t: PreviewTag): object {
  return {
    ...tagBase(t),
    action: t.action,
    ...(t.from !== undefined ? { from: t.from } : {}),
    ...(t.to !== undefined ? { to: t.to } : {}),
    ...(t.reason !== undefined ? { reason: t.reason } : {})
  }
}

const names = (plan: Plan): string[] => plan.tags.map((t) => t.tag)

function head(
  plan: Plan,
  tags: readonly string[],
  tagNames: readonly string[],
  digest: string
): object {
  return {
    push: plan.push,
    ...(plan.source !== undefined ? { source: plan.source } : {}),
    version: plan.version,
    tags,
    // As metadata-action's json output names them: the tags without an image name.
    'tag-names': tagNames,
    digest,
    labels: plan.labels,
    annotations: plan.annotations
  }
}

function tagBase(tag: Pick<PlannedTag, 'tag' | 'reference' | 'reasons'>): object {
  return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons }
}

function tagResultJson(r: TagResult): object {
  return {
    ...tagBase(r),
    result: r.status,
    ...(r.detail !== undefined ? { detail: r.detail } : {}),
    ...(r.digest !== undefined ? { digest: r.digest } : {})
  }
}
