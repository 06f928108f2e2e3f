import { pushedBranch } from '../context.js'
import { strategyTag, type Strategy } from './strategy.js'

export const devStrategy: Strategy = {
  name: 'dev',
  summary: 'on pushes to the development branch (default: the default branch): dev',
  produce(ctx, options) {
    const branch = pushedBranch(ctx)
    const devBranch = options.devBranch ?? ctx.defaultBranch
    if (ctx.eventName !== 'push' || branch === undefined || branch !== devBranch) return []
    return [strategyTag('dev', 'dev', 700, `push to development branch ${branch}`)]
  }
}
