import { short } from '../distribution/copy.js'
import type { Plan } from '../push/plan.js'
import {
  contentText,
  previewTally,
  type PreviewResult,
  type PreviewTag,
  type PreviewTarget,
  type ReferrerPreview
} from '../push/preview-result.js'
import { referrerSummary } from '../referrers/summary.js'

/** Targets grouped by registry, in the plan's order. */
function byRegistry(result: PreviewResult): [string, PreviewTarget[]][] {
  const groups = new Map<string, PreviewTarget[]>()
  for (const t of result.targets) {
    const list = groups.get(t.repository.registry) ?? []
    list.push(t)
    groups.set(t.repository.registry, list)
  }
  return [...groups]
}

/** The row of one tag: the tag as `path:tag` (the registry heads the table), and its cells. */
function row(target: PreviewTarget, tag: PreviewTag, result: PreviewResult): string[] {
  const to =
    tag.to !== undefined
      ? short(tag.to)
      : result.localImage !== undefined && tag.action !== 'kept'
        ? `local image ${short(result.localImage)}`
        : '-'
  return [
    `${target.repository.path}:${tag.tag}`,
    tag.action,
    tag.from !== undefined ? short(tag.from) : '-',
    to,
    tag.reason ?? ''
  ]
}

/** `1 signature to copy; 1 SBOM already there; 1 kept`. */
export function referrersPreviewLine(referrers: readonly ReferrerPreview[]): string {
  const of = (action: ReferrerPreview['action']) => referrers.filter((r) => r.action === action)
  const parts: string[] = []
  const copy = of('copy')
  if (copy.length > 0) parts.push(`${referrerSummary(copy)} to copy`)
  const there = of('already there')
  if (there.length > 0) parts.push(`${referrerSummary(there)} already there`)
  const kept = of('kept')
  if (kept.length > 0) parts.push(`${referrerSummary(kept)} kept (the target's own)`)
  return parts.join('; ') || 'none'
}

/** What a target is and would get, line by line (without its tags). */
function targetLines(t: PreviewTarget): string[] {
  return [
    `push: ${t.permission.status} (${t.permission.detail})`,
    ...(t.note !== undefined ? [`repository: ${t.note}`] : []),
    `content: ${contentText(t.content)}`,
    ...(t.referrers !== undefined ? [`referrers: ${referrersPreviewLine(t.referrers)}`] : [])
  ]
}

function digestLine(result: PreviewResult): string {
  if (result.digest !== '') return result.digest
  if (result.localImage !== undefined)
    return `unknown until the local image ${result.localImage} is compressed and pushed`
  return '(none)'
}

const HEAD = ['TAG', 'ACTION', 'FROM', 'TO', 'WHY']

/**
 * The preview as plain lines, for the action's log and the CLI's stdout:
 * per registry its targets (push permission, content, referrers), then one
 * table of every tag (TAG ACTION FROM TO WHY), columns aligned; then the tally.
 */
export function previewText(result: PreviewResult): string {
  const lines = ['preview: nothing was written', `digest: ${digestLine(result)}`]
  for (const [registry, targets] of byRegistry(result)) {
    lines.push(`registry ${registry}`)
    for (const t of targets) {
      lines.push(`  ${t.repository.path}`)
      for (const line of targetLines(t)) lines.push(`    ${line}`)
    }
    const rows = [HEAD, ...targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)))]
    if (rows.length === 1) {
      lines.push('  (no tags)')
      continue
    }
    const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    for (const r of rows)
      lines.push(`  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd())
  }
  if (result.platforms)
    lines.push(
      `platforms: ${result.platforms.kept.join(', ')} (dropped ${result.platforms.dropped.join(', ')}; the source is ${result.platforms.sourceDigest})`
    )
  lines.push(previewTally(result))
  return `${lines.join('\n')}\n`
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string): string => `\`${cell(text)}\``
const codeOrBlank = (text: string): string => (text === '-' || text === '' ? '' : code(text))

/**
 * The job summary of a preview: per registry its targets (push permission,
 * content, referrers) and one table, Tag | Action | From | To | Why.
 */
export function previewSummary(plan: Plan, result: PreviewResult): string {
  const lines = [`## tagship preview${plan.version ? `: ${plan.version}` : ''}`, '']
  lines.push('Preview (`push: preview`): every registry was read, and nothing was written.', '')
  if (plan.source !== undefined) lines.push(`Source: \`${plan.source}\``, '')
  lines.push(
    result.digest !== '' ? `Digest: ${code(result.digest)}` : `Digest: ${cell(digestLine(result))}`,
    ''
  )
  for (const [registry, targets] of byRegistry(result)) {
    lines.push(`### ${code(registry)}`, '')
    for (const t of targets)
      lines.push(`- ${code(t.repository.path)}: ${cell(targetLines(t).join('; '))}`)
    lines.push('')
    const rows = targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)))
    if (rows.length === 0) {
      lines.push('No tags.', '')
      continue
    }
    lines.push('| Tag | Action | From | To | Why |', '| --- | --- | --- | --- | --- |')
    for (const [tag, action, from, to, why] of rows)
      lines.push(
        `| ${code(tag!)} | ${action} | ${codeOrBlank(from!)} | ${to!.startsWith('local image') ? cell(to!) : codeOrBlank(to!)} | ${cell(why!)} |`
      )
    lines.push('')
  }
  if (result.platforms)
    lines.push(
      `Platforms: ${result.platforms.kept.map(code).join(', ')} (dropped ${result.platforms.dropped.map(code).join(', ')}: a new index, not the source's ${code(result.platforms.sourceDigest)})`,
      ''
    )
  lines.push(`**${previewTally(result)}**`)
  for (const w of plan.warnings) lines.push('', `> **Warning:** ${cell(w)}`)
  return `${lines.join('\n')}\n`
}
