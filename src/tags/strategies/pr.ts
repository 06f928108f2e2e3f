import { isPullRequest, pullRequestNumber } from '../context.js'
import { strategyTag, type Strategy } from './strategy.js'

export const prStrategy: Strategy = {
  name: 'pr',
  summary: 'on pull requests: pr-<number>',
  produce(ctx) {
    const number = pullRequestNumber(ctx)
    if (!isPullRequest(ctx) || number === undefined) return []
    return [strategyTag('pr', `pr-${number}`, 600, `pull request #${number}`)]
  }
}
