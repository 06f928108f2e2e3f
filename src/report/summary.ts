import type { Plan } from '../push/plan.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** The job summary: one row per target and tag, with why the tag was chosen. */
export function planSummary(plan: Plan): string {
  const lines = [
    `## tagship ${plan.push ? 'publish' : 'plan'}${plan.version ? `: ${plan.version}` : ''}`,
    ''
  ]
  if (!plan.push) lines.push('Plan only (`push: false`): nothing was pushed.', '')
  if (plan.source !== undefined) lines.push(`Source: \`${plan.source}\``, '')
  const rows = plan.targets.flatMap((t) =>
    t.tags.map((tag) => ({ target: t.repository.name, tag }))
  )
  if (rows.length === 0) {
    lines.push('No tags: no strategy or rule applies to this event.')
  } else {
    lines.push('| Target | Tag | Why |', '| --- | --- | --- |')
    for (const { target, tag } of rows) {
      lines.push(`| \`${cell(target)}\` | \`${cell(tag.tag)}\` | ${cell(tag.reasons.join('; '))} |`)
    }
  }
  for (const w of plan.warnings) lines.push('', `> **Warning:** ${cell(w)}`)
  return `${lines.join('\n')}\n`
}
