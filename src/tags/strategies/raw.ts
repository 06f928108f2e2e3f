import { strategyTag, type Strategy } from './strategy.js'

export const rawStrategy: Strategy = {
  name: 'raw',
  summary: 'on every event: each value of raw-tags, as given',
  produce(_ctx, options) {
    return options.rawTags.map((value) => strategyTag('raw', value, 200, 'listed in raw-tags'))
  }
}
