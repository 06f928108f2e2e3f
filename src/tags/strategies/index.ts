import { branchStrategy } from './branch.js'
import { devStrategy } from './dev.js'
import { latestStrategy } from './latest.js'
import { nightlyStrategy } from './nightly.js'
import { prStrategy } from './pr.js'
import { rawStrategy } from './raw.js'
import { semverStrategy } from './semver.js'
import { shaStrategy } from './sha.js'
import { stagingStrategy } from './staging.js'
import type { Strategy } from './strategy.js'

/** Every strategy, in the order their tags are listed at equal priority. */
export const STRATEGIES: readonly Strategy[] = [
  nightlyStrategy,
  semverStrategy,
  latestStrategy,
  stagingStrategy,
  devStrategy,
  branchStrategy,
  prStrategy,
  rawStrategy,
  shaStrategy
]

/** What runs when the `strategies` input is empty and no `tags` rules are given. */
export const DEFAULT_STRATEGIES = ['semver', 'latest', 'dev', 'staging', 'sha'] as const
