import { floatingFor, releaseOf } from './release.js'
import { strategyTag, type Strategy } from './strategy.js'

export const semverStrategy: Strategy = {
  name: 'semver',
  summary:
    'on a release tag (v1.2.3): 1.2.3, 1.2 and 1; a prerelease (or a release marked pre-release in GitHub) gets only its full version',
  produce(ctx, options) {
    const release = releaseOf(ctx, options.semverPrefix)
    if (!release) return []
    const why = `release ${release.label}`
    const full = strategyTag('semver', release.version, 900, why)
    if (release.unstable) return [full]
    const minor = `${release.major}.${release.minor}`
    const tags = [
      full,
      strategyTag('semver', minor, 900, why, false, floatingFor('minor', release))
    ]
    if (release.major > 0 || options.semverMajorZero) {
      const major = floatingFor('major', release)
      tags.push(strategyTag('semver', `${release.major}`, 900, why, false, major))
    }
    return tags
  }
}
