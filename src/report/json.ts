import { planReferences, type Plan } from '../push/plan.js'
import { annotationLines } from '../tags/labels.js'

/** The `json` output: tags, version, digest, labels, annotations and per-target results. */
export function planJson(plan: Plan): object {
  return {
    push: plan.push,
    ...(plan.source !== undefined ? { source: plan.source } : {}),
    version: plan.version,
    tags: planReferences(plan),
    digest: '',
    labels: plan.metadata,
    annotations: annotationLines(plan.metadata),
    targets: plan.targets.map((t) => ({
      repository: t.repository.name,
      registry: t.repository.registry,
      tags: t.tags.map((tag) => ({
        tag: tag.tag,
        reference: tag.reference,
        reasons: tag.reasons,
        result: 'planned'
      }))
    })),
    warnings: plan.warnings
  }
}
