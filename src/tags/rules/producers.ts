import { quote } from '../../shared/errors.js'
import { isPullRequest, pullRequestNumber, readRef, type EventContext } from '../context.js'
import { markedPrerelease, PRERELEASE_NOTE } from '../release-flags.js'
import type { StrategyOptions } from '../strategies/options.js'
import { parseReleaseTag, isPrerelease, type ReleaseVersion } from '../version.js'
import { commitSha, renderExpressions, type ExpressionSite } from './expressions.js'
import { toRegExp } from './parse.js'
import type { Rule, RuleType } from './rule.js'
import { parsePep440, parseSemver, renderVersionPattern, type ParsedVersion } from './versions.js'

/**
 * What one rule gives for an event: a value (before prefix, suffix and
 * sanitising, which evaluateRules applies), and whether it earns `latest`.
 */
export interface Produced {
  readonly value: string
  readonly latest: boolean
  readonly why: string
  /** The semver release the value was read from, so floating tags can be guarded. */
  readonly release?: RuleRelease
}

/** A release read by a semver or match rule, in plain semver. */
export interface RuleRelease {
  readonly version: string
  readonly major: number
  readonly minor: number
  readonly unstable: boolean
}

export interface ProducerInput {
  readonly rule: Rule
  readonly ctx: EventContext
  readonly options: StrategyOptions
  readonly site: ExpressionSite
  /** Non-fatal notes, e.g. a tag that is not a version. */
  readonly warn: (message: string) => void
}

type Producer = (input: ProducerInput) => Produced | undefined

/** The git tag, or the rendered `value` attribute, that a version rule reads. */
function versionSource({ rule, ctx, options, site }: ProducerInput): string | undefined {
  if (rule.attrs.value) return renderExpressions(rule.attrs.value, ctx, options, site, 'raw')
  const ref = readRef(ctx.ref)
  return ref.kind === 'tag' ? ref.name : undefined
}

/**
 * The version a `match=` expression picks out of `source`: its first group,
 * or the whole match when it has none. An empty `match=` picks all of it, as
 * in metadata-action; a source it does not match gives no tag.
 */
function pickVersion({ rule, site, warn }: ProducerInput, source: string): string | undefined {
  const match = rule.attrs.match
  if (!match) return source
  const m = toRegExp(match).exec(source)
  const picked = m?.length === 1 ? m[0] : m?.[1]
  if (picked === undefined) {
    const how = m ? 'its first group captures nothing in' : 'does not match'
    warn(`tags ${site.where}: match=${quote(match)} ${how} ${quote(source)}; no tag from this rule`)
  }
  return picked
}

function versionRule(kind: string, parse: (raw: string) => ParsedVersion | undefined): Producer {
  return (input) => {
    const source = versionSource(input)
    if (source === undefined) return undefined
    const text = pickVersion(input, source)
    if (text === undefined) return undefined
    const parsed = parse(text)
    if (!parsed) {
      const what = text === source ? quote(text) : `${quote(text)} (from ${quote(source)})`
      input.warn(
        `tags ${input.site.where}: ${what} is not a ${kind} version; no tag from this rule`
      )
      return undefined
    }
    // GitHub's pre-release mark makes even a clean version a prerelease:
    // only its full version, never `latest`, `{{major}}` or `{{major}}.{{minor}}`.
    const marked = !parsed.unstable && markedPrerelease(input.ctx)
    const v = marked ? { ...parsed, unstable: true } : parsed
    const value = renderVersionPattern(input.rule.attrs.pattern!, v, input.site)
    const read = text === source ? source : `${text} from ${source}`
    const why = `${kind} ${read}${marked ? ` (${PRERELEASE_NOTE})` : ''}`
    const produced = { value, latest: !v.unstable, why }
    // pep440 versions (`1.2`, `1.2rc1`) do not order as semver: not guarded.
    return kind === 'semver' ? { ...produced, release: ruleRelease(v) } : produced
  }
}

function ruleRelease(v: ParsedVersion | ReleaseVersion): RuleRelease {
  const unstable = 'unstable' in v ? v.unstable : isPrerelease(v)
  return { version: v.version, major: v.major, minor: v.minor, unstable }
}

/** A git tag that is a semver prerelease: `latest` is never given for it. */
function isPrereleaseTag(name: string): boolean {
  const v = parseReleaseTag(name, 'v')
  return v !== undefined && isPrerelease(v)
}

/** `1` or `1.4` of release 1.4.0: a tag that follows its major or minor line. */
function isLineOf(value: string, v: ReleaseVersion): boolean {
  return value === `${v.major}` || value === `${v.major}.${v.minor}`
}

const PRODUCERS: Record<RuleType, Producer> = {
  schedule: ({ rule, ctx, options, site }) => {
    if (!ctx.eventName.includes('schedule')) return undefined
    // An explicit empty pattern gives no tag, as in metadata-action.
    const pattern = rule.attrs.pattern ?? 'nightly'
    const value = renderExpressions(pattern, ctx, options, site, 'raw')
    return { value, latest: false, why: 'scheduled run' }
  },
  semver: versionRule('semver', parseSemver),
  pep440: versionRule('pep440', parsePep440),
  match: (input) => {
    const source = versionSource(input)
    if (source === undefined) return undefined
    const m = toRegExp(input.rule.attrs.pattern!).exec(source)
    const group = Number(input.rule.attrs.group ?? '0')
    const value = m?.[group]
    if (value === undefined) {
      input.warn(
        `tags ${input.site.where}: ${JSON.stringify(source)} does not match; no tag from this rule`
      )
      return undefined
    }
    const release = parseReleaseTag(source, 'v')
    const marked = markedPrerelease(input.ctx) && !isPrereleaseTag(source)
    // A release marked pre-release in GitHub never moves its major or minor line.
    if (marked && release && isLineOf(value, release)) return undefined
    return {
      value,
      latest: !isPrereleaseTag(source) && !marked,
      why: `match on ${source}${marked ? ` (${PRERELEASE_NOTE})` : ''}`,
      ...(release
        ? { release: { ...ruleRelease(release), unstable: marked || isPrerelease(release) } }
        : {})
    }
  },
  edge: ({ rule, ctx }) => {
    const ref = readRef(ctx.ref)
    const branch = rule.attrs.branch || ctx.defaultBranch
    if (ref.kind !== 'branch' || ref.name !== branch || isPullRequest(ctx)) return undefined
    return { value: 'edge', latest: false, why: `push to ${branch}` }
  },
  ref: ({ rule, ctx }) => {
    const ref = readRef(ctx.ref)
    switch (rule.attrs.event) {
      case 'branch':
        return ref.kind === 'branch' && !isPullRequest(ctx)
          ? { value: ref.name, latest: false, why: `branch ${ref.name}` }
          : undefined
      case 'tag': {
        if (ref.kind !== 'tag') return undefined
        const marked = markedPrerelease(ctx) && !isPrereleaseTag(ref.name)
        return {
          value: ref.name,
          latest: !isPrereleaseTag(ref.name) && !marked,
          why: `git tag ${ref.name}${marked ? ` (${PRERELEASE_NOTE})` : ''}`
        }
      }
      default: {
        const number = pullRequestNumber(ctx)
        return isPullRequest(ctx) && number !== undefined
          ? { value: String(number), latest: false, why: `pull request #${number}` }
          : undefined
      }
    }
  },
  raw: ({ rule, ctx, options, site }) => ({
    value: renderExpressions(rule.attrs.value!, ctx, options, site, 'raw'),
    latest: false,
    why: 'raw value'
  }),
  sha: ({ rule, ctx, options }) => {
    const sha = commitSha(ctx, options)
    const value = rule.attrs.format === 'long' ? sha : sha.slice(0, options.shaLength)
    return { value, latest: false, why: `commit ${sha.slice(0, 12)}` }
  }
}

export function produce(input: ProducerInput): Produced | undefined {
  return PRODUCERS[input.rule.type](input)
}

/** Prefixes a rule type has when it gives none (metadata-action's defaults). */
export const DEFAULT_PREFIX: Partial<Record<RuleType, string>> = { sha: 'sha-' }
