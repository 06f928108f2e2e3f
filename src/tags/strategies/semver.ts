import { isPrerelease } from '../version.js'
import { releaseOf } from './release.js'
import { strategyTag, type Strategy } from './strategy.js'

export const semverStrategy: Strategy = {
  name: 'semver',
  summary: 'on a release tag (v1.2.3): 1.2.3, 1.2 and 1; a prerelease gets only its full version',
  produce(ctx, options) {
    const release = releaseOf(ctx, options.semverPrefix)
    if (!release) return []
    const why = `release ${release.raw}`
    const full = strategyTag('semver', release.version, 900, why)
    if (isPrerelease(release)) return [full]
    const tags = [full, strategyTag('semver', `${release.major}.${release.minor}`, 900, why)]
    if (release.major > 0 || options.semverMajorZero) {
      tags.push(strategyTag('semver', `${release.major}`, 900, why))
    }
    return tags
  }
}
