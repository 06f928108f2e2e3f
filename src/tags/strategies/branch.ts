import { pushedBranch } from '../context.js'
import { sanitizeTag } from '../sanitize.js'
import { strategyTag, type Strategy } from './strategy.js'

export const branchStrategy: Strategy = {
  name: 'branch',
  summary: 'on branch pushes: the branch name, sanitised (feature/a#1 gives feature-a-1)',
  produce(ctx) {
    const branch = pushedBranch(ctx)
    if (branch === undefined || ctx.eventName === 'schedule') return []
    return [strategyTag('branch', sanitizeTag(branch), 600, `push to branch ${branch}`)]
  }
}
