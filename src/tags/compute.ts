import { InputError, quote } from '../shared/errors.js'
import type { FloatingTag, TagCandidate } from './candidate.js'
import type { EventContext } from './context.js'
import { renderExpressions } from './rules/expressions.js'
import { applyFlavor, type Flavor } from './rules/flavor.js'
import { evaluateRules } from './rules/evaluate.js'
import type { Rule } from './rules/rule.js'
import {
  draftRelease,
  draftWarning,
  markedPrerelease,
  withheldWarning,
  withoutPrereleaseMark
} from './release-flags.js'
import { replaceInvalidTagCharacters, tagProblem } from './sanitize.js'
import { STRATEGIES } from './strategies/index.js'
import type { StrategyOptions } from './strategies/options.js'

/** What to compute tags from, already parsed and validated. */
export interface TagRequest {
  /** Names of the strategies to run (validated against STRATEGIES). */
  readonly strategies: readonly string[]
  readonly strategyOptions: StrategyOptions
  readonly rules: readonly Rule[]
  readonly flavor: Flavor
}

export type { FloatingTag } from './candidate.js'

export interface ComputedTag {
  readonly value: string
  /** Every reason it was chosen (a tag asked for twice is listed once). */
  readonly reasons: readonly string[]
  /** Present when the tag must never move back to an older release. */
  readonly floating?: FloatingTag
}

export interface TagSet {
  /** Highest priority first, `latest` last, each value once. */
  readonly tags: readonly ComputedTag[]
  /** The main version: the first tag that is not `latest`; empty when there are none. */
  readonly version: string
  /** Things the user should know that do not stop the run. */
  readonly warnings: readonly string[]
}

/**
 * Compute the ordered, de-duplicated, validated tags for an event. Throws an
 * InputError on the first invalid tag: nothing is returned half-way.
 */
export function computeTags(ctx: EventContext, request: TagRequest): TagSet {
  if (draftRelease(ctx)) return { tags: [], version: '', warnings: [draftWarning(ctx)] }
  const warnings: string[] = []
  const candidates = candidatesFor(ctx, request, (w) => warnings.push(w))
  const withheld = withheldByMark(ctx, request, candidates)
  if (withheld.length > 0) warnings.push(withheldWarning(ctx, withheld))
  for (const c of candidates) {
    const problem = tagProblem(c.value)
    if (problem) {
      const what = c.where
        ? `${c.where}: the tag ${quote(c.value)}`
        : `the tag ${quote(c.value)} (${c.reason})`
      throw new InputError(
        c.origin,
        `${what} ${problem}: change the value, prefix or suffix that makes it`
      )
    }
  }
  const byValue = new Map<string, { reasons: string[]; floating?: FloatingTag }>()
  const inOrder = ordered(candidates)
  for (const c of inOrder) {
    const seen = byValue.get(c.value)
    if (seen === undefined) byValue.set(c.value, { reasons: [c.reason], floating: c.floating })
    else {
      if (!seen.reasons.includes(c.reason)) seen.reasons.push(c.reason)
      // A tag asked for by a release and by an unversioned source (a raw
      // `latest` rule) stays guarded: never moving backwards is the default.
      seen.floating ??= c.floating
    }
  }
  const tags = [...byValue].map(([value, { reasons, floating }]) =>
    floating ? { value, reasons, floating } : { value, reasons }
  )
  const main = inOrder.find((c) => !c.isLatest)
  return { tags, version: main?.value ?? '', warnings }
}

/** Every tag the strategies and rules propose for the event, flavoured, in no order yet. */
function candidatesFor(
  ctx: EventContext,
  request: TagRequest,
  warn: (message: string) => void
): TagCandidate[] {
  const options = request.strategyOptions
  const site = { input: 'flavor', where: 'prefix/suffix' }
  const flavor: Flavor = {
    ...request.flavor,
    prefix: renderExpressions(request.flavor.prefix, ctx, options, site),
    suffix: renderExpressions(request.flavor.suffix, ctx, options, site)
  }
  const candidates: TagCandidate[] = []
  for (const strategy of STRATEGIES) {
    if (request.strategies.includes(strategy.name)) {
      candidates.push(...strategy.produce(ctx, options).map((c) => flavoured(c, flavor)))
    }
  }
  candidates.push(...evaluateRules(ctx, request.rules, flavor, options, warn))
  return candidates
}

/**
 * The tags GitHub's pre-release mark withheld (`latest`, `1`, `1.4`): those
 * the same release would get unmarked, in order. Empty when it is not marked.
 */
function withheldByMark(
  ctx: EventContext,
  request: TagRequest,
  given: readonly TagCandidate[]
): string[] {
  if (!markedPrerelease(ctx)) return []
  const values = new Set(given.map((c) => c.value))
  const stable = ordered(candidatesFor(withoutPrereleaseMark(ctx), request, () => {}))
  return [...new Set(stable.map((c) => c.value))].filter((v) => !values.has(v))
}

/** Highest priority first, `latest` last; equal priorities keep their order. */
function ordered(candidates: readonly TagCandidate[]): TagCandidate[] {
  const rank = (c: TagCandidate): number => (c.isLatest ? Number.NEGATIVE_INFINITY : c.priority)
  return candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(b.c) - rank(a.c) || a.index - b.index)
    .map(({ c }) => c)
}

/** A strategy's tag with the flavor's prefix and suffix, sanitised as rule tags are. */
function flavoured(c: TagCandidate, flavor: Flavor): TagCandidate {
  const withFlavor = applyFlavor(c, flavor)
  const value = replaceInvalidTagCharacters(withFlavor.value)
  if (!c.floating) return { ...withFlavor, value }
  // The flavor is always on this run's version tags (even when `onlatest`
  // keeps it off `latest`), so it frames the versions a floating tag follows.
  const floating: FloatingTag = {
    ...c.floating,
    prefix: replaceInvalidTagCharacters(flavor.prefix + c.floating.prefix),
    suffix: replaceInvalidTagCharacters(c.floating.suffix + flavor.suffix)
  }
  return { ...withFlavor, value, floating }
}
