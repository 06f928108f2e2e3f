import { formatDate } from '../rules/date.js'
import { strategyTag, type Strategy } from './strategy.js'

export const nightlyStrategy: Strategy = {
  name: 'nightly',
  summary: 'on schedule events: nightly and nightly-<YYYYMMDD> (UTC)',
  produce(ctx) {
    if (ctx.eventName !== 'schedule') return []
    const day = formatDate(ctx.now, 'YYYYMMDD', 'UTC')
    const why = `scheduled run on ${formatDate(ctx.now, 'YYYY-MM-DD', 'UTC')}`
    return [
      strategyTag('nightly', 'nightly', 1000, why),
      strategyTag('nightly', `nightly-${day}`, 1000, why)
    ]
  }
}
