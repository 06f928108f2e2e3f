import { pushedBranch } from '../context.js'
import { isPrerelease } from '../version.js'
import { releaseOf } from './release.js'
import { strategyTag, type Strategy } from './strategy.js'

export const latestStrategy: Strategy = {
  name: 'latest',
  summary:
    'on a stable release tag (never a prerelease): latest; optionally on pushes to the default branch',
  produce(ctx, options) {
    const release = releaseOf(ctx, options.semverPrefix)
    if (release && !isPrerelease(release)) {
      return [strategyTag('latest', 'latest', 800, `stable release ${release.raw}`, true)]
    }
    const branch = pushedBranch(ctx)
    if (
      options.latestOnDefaultBranch &&
      branch !== undefined &&
      ctx.eventName === 'push' &&
      branch === ctx.defaultBranch
    ) {
      return [strategyTag('latest', 'latest', 800, `push to default branch ${branch}`, true)]
    }
    return []
  }
}
