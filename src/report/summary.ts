import type { Plan } from '../push/plan.js'
import {
  failedReferrers,
  failedTags,
  referrersLine,
  statusText,
  tallyLine,
  type PublishResult
} from '../push/results.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string): string => `\`${cell(text)}\``

/** The job summary: one row per target and tag, with why the tag was chosen. */
export function planSummary(plan: Plan): string {
  const lines = heading(plan)
  if (!plan.push) lines.push('Plan only (`push: false`): nothing was pushed.', '')
  if (plan.source !== undefined) lines.push(`Source: \`${plan.source}\``, '')
  const rows = plan.targets.flatMap((t) =>
    t.tags.map((tag) => ({ target: t.repository.name, tag }))
  )
  if (plan.targets.length === 0 && plan.tags.length > 0) {
    lines.push('No image: the bare tags.', '', '| Tag | Why |', '| --- | --- |')
    for (const tag of plan.tags)
      lines.push(`| ${code(tag.tag)} | ${cell(tag.reasons.join('; '))} |`)
  } else if (rows.length === 0) {
    lines.push('No tags: no strategy or rule applies to this event.')
  } else {
    lines.push('| Target | Tag | Why |', '| --- | --- | --- |')
    for (const { target, tag } of rows) {
      lines.push(`| ${code(target)} | ${code(tag.tag)} | ${cell(tag.reasons.join('; '))} |`)
    }
  }
  return finish(lines, plan.warnings)
}

/**
 * The job summary after a publish: the plan's table with a Result column
 * (kept tags name the newer version holding them), the tally, the digest,
 * and every failure with its reason.
 */
export function publishSummary(plan: Plan, result: PublishResult): string {
  const lines = heading(plan)
  if (plan.source !== undefined) lines.push(`Source: \`${plan.source}\``, '')
  lines.push(result.digest ? `Digest: ${code(result.digest)}` : 'Digest: none (nothing landed)')
  for (const t of result.targets) {
    if (t.digest !== undefined && t.digest !== result.digest) {
      lines.push(`Digest on ${code(t.repository.name)}: ${code(t.digest)}`)
    }
  }
  lines.push('')
  const rows = result.targets.flatMap((t) => t.tags.map((r) => ({ target: t.repository.name, r })))
  if (rows.length === 0) {
    lines.push('No tags: no strategy or rule applies to this event.')
  } else {
    lines.push('| Target | Tag | Result | Why |', '| --- | --- | --- | --- |')
    for (const { target, r } of rows) {
      // Failure reasons are long: they are listed below the table instead.
      const status = r.status === 'failed' ? 'failed' : statusText(r)
      lines.push(
        `| ${code(target)} | ${code(r.tag)} | ${cell(status)} | ${cell(r.reasons.join('; '))} |`
      )
    }
    lines.push('', `**${tallyLine(result)}**`)
  }
  const withReferrers = result.targets.filter((t) => (t.referrers ?? []).length > 0)
  if (withReferrers.length > 0) {
    lines.push('', '| Target | Signatures, attestations, SBOMs |', '| --- | --- |')
    for (const t of withReferrers)
      lines.push(`| ${code(t.repository.name)} | ${cell(referrersLine(t.referrers!))} |`)
  }
  if (result.platforms)
    lines.push(
      '',
      `Platforms: ${result.platforms.kept.map(code).join(', ')} (dropped ${result.platforms.dropped.map(code).join(', ')}: a new index, not the source's ${code(result.platforms.sourceDigest)})`
    )
  const failed = failedTags(result)
  const failedArtifacts = failedReferrers(result)
  if (failed.length > 0 || failedArtifacts.length > 0) {
    lines.push('', '### Failed', '')
    for (const r of failed) lines.push(`- ${code(r.reference)}: ${cell(r.detail ?? 'failed')}`)
    for (const { target, referrer } of failedArtifacts)
      lines.push(
        `- ${referrer.kind} ${code(referrer.digest)} on ${code(target)}: ${cell(referrer.detail ?? 'failed')}`
      )
  }
  return finish(lines, plan.warnings)
}

function heading(plan: Plan): string[] {
  return [
    `## tagship ${plan.preview ? 'preview' : plan.push ? 'publish' : 'plan'}${plan.version ? `: ${plan.version}` : ''}`,
    ''
  ]
}

function finish(lines: string[], warnings: readonly string[]): string {
  for (const w of warnings) lines.push('', `> **Warning:** ${cell(w)}`)
  return `${lines.join('\n')}\n`
}
