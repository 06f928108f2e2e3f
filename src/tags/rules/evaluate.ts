import { InputError, quote } from '../../shared/errors.js'
import type { FloatingTag, TagCandidate } from '../candidate.js'
import type { EventContext } from '../context.js'
import type { StrategyOptions } from '../strategies/options.js'
import { renderExpressions, type ExpressionSite } from './expressions.js'
import type { Flavor } from './flavor.js'
import { latestFloating, versionTagOf, withFloating, type VersionTag } from './floating.js'
import { DEFAULT_PREFIX, produce } from './producers.js'
import { ruleLabel, type Rule } from './rule.js'
import { replaceInvalidTagCharacters } from '../sanitize.js'

const INPUT = 'tags'

/**
 * Evaluate docker/metadata-action rules in priority order. `latest` follows
 * the flavor: with `auto` the first rule that gives a tag decides it.
 */
export function evaluateRules(
  ctx: EventContext,
  rules: readonly Rule[],
  flavor: Flavor,
  options: StrategyOptions,
  warn: (message: string) => void
): TagCandidate[] {
  const ordered = rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule)
  const tags: TagCandidate[] = []
  const found: VersionTag[] = []
  let latestDecision: boolean | undefined
  let latestWhy = ''
  for (const rule of ordered) {
    const site: ExpressionSite = { input: INPUT, where: ruleLabel(rule) }
    if (!isEnabled(rule, ctx, options, site)) continue
    const produced = produce({ rule, ctx, options, site, warn })
    if (!produced) continue
    const render = (text: string): string => renderExpressions(text, ctx, options, site, 'raw')
    const prefix = render(
      rule.attrs.prefix ??
        DEFAULT_PREFIX[rule.type] ??
        (rule.type === 'ref' && rule.attrs.event === 'pr' ? 'pr-' : flavor.prefix)
    )
    const suffix = render(rule.attrs.suffix ?? flavor.suffix)
    // Like metadata-action, a rule is skipped only when its whole tag is
    // empty: a prefix on an empty value still makes a tag.
    const value = replaceInvalidTagCharacters(`${prefix}${produced.value}${suffix}`)
    if (value === '') continue
    // Only semver and match rules read a release; anything else, such as a
    // `type=raw,value=latest` rule, has no version to compare and always moves.
    const versionTag = versionTagOf(rule, produced, { prefix, suffix }, tags.length)
    if (versionTag) found.push(versionTag)
    tags.push({
      value,
      priority: rule.priority,
      reason: `tags line ${rule.line}: type=${rule.type}, ${produced.why}`,
      origin: INPUT,
      where: ruleLabel(rule)
    })
    if (latestDecision === undefined) {
      latestDecision = produced.latest
      latestWhy = `tags line ${rule.line}: ${produced.why}`
    }
  }
  const wantLatest =
    flavor.latest === 'true' ? tags.length > 0 : flavor.latest === 'auto' && latestDecision === true
  const guarded = withFloating(tags, found)
  if (wantLatest) guarded.push(latestTag(flavor, latestWhy, latestFloating(found)))
  return guarded
}

/** `latest`, with the flavor prefix/suffix only where `onlatest=true` asks for them. */
function latestTag(flavor: Flavor, latestWhy: string, floating?: FloatingTag): TagCandidate {
  const prefix = flavor.prefixOnLatest ? flavor.prefix : ''
  const suffix = flavor.suffixOnLatest ? flavor.suffix : ''
  return {
    ...(floating ? { floating } : {}),
    value: replaceInvalidTagCharacters(`${prefix}latest${suffix}`),
    // computeTags puts every `latest` last whatever its priority.
    priority: 0,
    reason: flavor.latest === 'true' ? 'flavor latest=true' : `flavor latest=auto, ${latestWhy}`,
    origin: 'flavor',
    isLatest: true
  }
}

function isEnabled(
  rule: Rule,
  ctx: EventContext,
  options: StrategyOptions,
  site: ExpressionSite
): boolean {
  const raw = rule.attrs.enable
  if (raw === undefined) return true
  const value = renderExpressions(raw, ctx, options, site).trim().toLowerCase()
  if (value === 'true') return true
  if (value === 'false') return false
  throw new InputError(
    INPUT,
    `${site.where}: enable=${quote(raw)} is not true or false: use a true/false value or {{is_default_branch}}`
  )
}
