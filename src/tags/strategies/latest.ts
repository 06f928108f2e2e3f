import { pushedBranch } from '../context.js'
import { floatingFor, releaseOf } from './release.js'
import { strategyTag, type Strategy } from './strategy.js'

export const latestStrategy: Strategy = {
  name: 'latest',
  summary:
    'on a stable release tag (never a prerelease or a release marked pre-release in GitHub): latest; optionally on pushes to the default branch',
  produce(ctx, options) {
    const release = releaseOf(ctx, options.semverPrefix)
    if (release && !release.unstable) {
      const why = `stable release ${release.raw}`
      return [strategyTag('latest', 'latest', 800, why, true, floatingFor('latest', release))]
    }
    const branch = pushedBranch(ctx)
    if (
      options.latestOnDefaultBranch &&
      branch !== undefined &&
      ctx.eventName === 'push' &&
      branch === ctx.defaultBranch
    ) {
      // No release, so no version to compare: this `latest` is not guarded
      // and always moves, as the user asked for by latest-on-default-branch.
      return [strategyTag('latest', 'latest', 800, `push to default branch ${branch}`, true)]
    }
    return []
  }
}
