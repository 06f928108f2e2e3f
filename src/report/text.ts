import type { Plan } from '../push/plan.js'

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
  for (const w of plan.warnings) lines.push(`warning: ${w}`)
  return `${lines.join('\n')}\n`
}
