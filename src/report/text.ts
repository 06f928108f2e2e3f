import type { Plan } from '../push/plan.js'
import { referrersLine, statusText, tallyLine, type PublishResult } from '../push/results.js'

/** The plan as plain lines, for the CLI and the action log. */
export function planText(plan: Plan): string {
  const lines: string[] = []
  lines.push(`version: ${plan.version || '(none)'}`)
  for (const t of plan.targets) {
    lines.push(`${t.repository.name}`)
    const width = Math.max(0, ...t.tags.map((tag) => tag.tag.length))
    for (const tag of t.tags) lines.push(`  ${tag.tag.padEnd(width)}  ${tag.reasons.join('; ')}`)
    if (t.tags.length === 0) lines.push('  (no tags)')
  }
  if (plan.targets.length === 0 && plan.tags.length > 0) {
    lines.push('(no image: the bare tags)')
    const width = Math.max(...plan.tags.map((tag) => tag.tag.length))
    for (const tag of plan.tags) lines.push(`  ${tag.tag.padEnd(width)}  ${tag.reasons.join('; ')}`)
  }
  for (const w of plan.warnings) lines.push(`warning: ${w}`)
  return `${lines.join('\n')}\n`
}

/**
 * What the publish did, for the log: per target each tag with its result,
 * then one tally line. Why each tag was chosen is in the plan printed before.
 */
export function publishText(result: PublishResult): string {
  const lines = [`digest: ${result.digest || '(none)'}`]
  for (const t of result.targets) {
    // The docker CLI may compress differently per registry: say so where it did.
    const own = t.digest !== undefined && t.digest !== result.digest ? ` (digest ${t.digest})` : ''
    lines.push(`${t.repository.name}${own}`)
    const width = Math.max(0, ...t.tags.map((r) => r.tag.length))
    for (const r of t.tags) lines.push(`  ${r.tag.padEnd(width)}  ${statusText(r)}`)
    if (t.tags.length === 0) lines.push('  (no tags)')
    if (t.referrers && t.referrers.length > 0)
      lines.push(`  referrers: ${referrersLine(t.referrers)}`)
  }
  if (result.platforms)
    lines.push(
      `platforms: ${result.platforms.kept.join(', ')} (dropped ${result.platforms.dropped.join(', ')}; the source was ${result.platforms.sourceDigest})`
    )
  lines.push(tallyLine(result))
  return `${lines.join('\n')}\n`
}
