import { failedReferrers, type PublishResult } from './results.js'

/**
 * The step's failure message when any tag failed: which tags did not land
 * and why, and which did, so a re-run can be judged; undefined when all landed.
 */
export function publishFailure(result: PublishResult): string | undefined {
  const all = result.targets.flatMap((t) => t.tags)
  const failed = all.filter((t) => t.status === 'failed')
  const artifacts = failedReferrers(result)
  if (failed.length === 0 && artifacts.length === 0) return undefined
  if (failed.length === 0)
    return [
      `every tag landed, but ${artifacts.length} signature(s), attestation(s) or SBOM(s) did not:`,
      ...artifacts.map(
        ({ target, referrer }) =>
          `  ${referrer.kind} ${referrer.digest} on ${target}: ${referrer.detail ?? 'failed'}`
      ),
      'run the step again to copy them; the tags stay as they are'
    ].join('\n')
  const landed = all.filter((t) => t.status === 'pushed' || t.status === 'already there')
  const lines = [
    `${failed.length} of ${all.length} tags did not land:`,
    ...failed.map((t) => `  ${t.reference}: ${t.detail ?? 'failed'}`),
    landed.length > 0
      ? `landed (${landed.length}): ${landed.map((t) => t.reference).join(', ')}`
      : 'nothing landed'
  ]
  return lines.join('\n')
}
