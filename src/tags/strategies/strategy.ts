import type { FloatingTag, TagCandidate } from '../candidate.js'
import type { EventContext } from '../context.js'
import type { StrategyOptions } from './options.js'

export interface Strategy {
  readonly name: string
  /** What it does, for `--help` and the README. */
  readonly summary: string
  produce(ctx: EventContext, options: StrategyOptions): TagCandidate[]
}

/** A candidate from a strategy; its origin is always the `strategies` input. */
export function strategyTag(
  name: string,
  value: string,
  priority: number,
  why: string,
  isLatest = false,
  floating?: FloatingTag
): TagCandidate {
  const tag = { value, priority, reason: `${name}: ${why}`, origin: 'strategies', isLatest }
  return floating ? { ...tag, floating } : tag
}
