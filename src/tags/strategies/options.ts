/** Settings of the built-in strategies, already validated. */
export interface StrategyOptions {
  /** Prefix a release tag may carry: `v` reads `v1.2.3` (and `1.2.3`). */
  readonly semverPrefix: string
  /** Give a bare major tag (`0`) for `0.x` releases. */
  readonly semverMajorZero: boolean
  /** Also tag `latest` on pushes to the default branch (projects without releases). */
  readonly latestOnDefaultBranch: boolean
  /** Branch whose pushes get `dev`; the default branch when unset. */
  readonly devBranch?: string
  /** Branch patterns whose pushes get `staging`. */
  readonly stagingBranches: readonly string[]
  readonly shaLength: number
  readonly shaPrefix: string
  /** On pull requests, tag the PR's head commit or GitHub's merge commit. */
  readonly shaPullRequestCommit: 'head' | 'merge'
  readonly rawTags: readonly string[]
}

export const DEFAULT_STRATEGY_OPTIONS: StrategyOptions = {
  semverPrefix: 'v',
  semverMajorZero: false,
  latestOnDefaultBranch: false,
  stagingBranches: ['staging'],
  shaLength: 7,
  shaPrefix: 'sha-',
  shaPullRequestCommit: 'head',
  rawTags: []
}
