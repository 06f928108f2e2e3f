import { isPullRequest } from '../context.js'
import { commitSha } from '../rules/expressions.js'
import { strategyTag, type Strategy } from './strategy.js'

export const shaStrategy: Strategy = {
  name: 'sha',
  summary: 'on every event: sha-<7 hex>; on pull requests the head commit',
  produce(ctx, options) {
    const sha = commitSha(ctx, options)
    const which = isPullRequest(ctx) && sha !== ctx.sha ? 'pull request head commit' : 'commit'
    const value = `${options.shaPrefix}${sha.slice(0, options.shaLength)}`
    return [strategyTag('sha', value, 100, `${which} ${sha.slice(0, 12)}`)]
  }
}
