import { pushedBranch } from '../context.js'
import { matchBranch } from '../glob.js'
import { prereleaseChannel } from '../version.js'
import { floatingFor, releaseOf } from './release.js'
import { strategyTag, type Strategy } from './strategy.js'

export const stagingStrategy: Strategy = {
  name: 'staging',
  summary:
    'on pushes to staging branches (default staging) and on prerelease tags (or releases marked pre-release in GitHub): staging; a prerelease also gets its channel (rc, beta, alpha)',
  produce(ctx, options) {
    const release = releaseOf(ctx, options.semverPrefix)
    if (release?.unstable) {
      const why = `prerelease ${release.label}`
      const channel = prereleaseChannel(release)
      const guard = floatingFor('channel', release)
      const tags = channel
        ? [strategyTag('staging', channel, 750, `${why} (channel ${channel})`, false, guard)]
        : []
      // `staging` is not guarded: staging-branch pushes move it with no
      // version at all, so versions cannot order it.
      tags.push(strategyTag('staging', 'staging', 700, why))
      return tags
    }
    const branch = pushedBranch(ctx)
    if (ctx.eventName !== 'push' || branch === undefined) return []
    const pattern = options.stagingBranches.find((p) => matchBranch(p, branch))
    if (pattern === undefined) return []
    const how = pattern === branch ? '' : ` (matches ${pattern})`
    return [strategyTag('staging', 'staging', 700, `push to staging branch ${branch}${how}`)]
  }
}
