import type { Sample } from './measure.js'
import { countCell, groupSamples, markdownTable, seconds } from './stats.js'

/**
 * Basic (htpasswd) beside Bearer (token server) for each scenario, latency and
 * contender measured both ways in the same bench run: medians, the ratio, and
 * the token requests each contender made.
 */
export function authComparison(samples: readonly Sample[]): string {
  const groups = groupSamples(samples)
  const rows = groups
    .filter((g) => g.auth === 'Bearer')
    .flatMap((bearer) => {
      const basic = groups.find(
        (g) =>
          g.auth === 'Basic' &&
          g.scenario === bearer.scenario &&
          g.variant === bearer.variant &&
          g.latency === bearer.latency &&
          g.contender === bearer.contender
      )
      if (!basic) return []
      return [
        [
          `${bearer.scenario}${bearer.variant ? ` ${bearer.variant}` : ''}`,
          bearer.latency,
          bearer.contender,
          seconds(basic.medianMs),
          seconds(bearer.medianMs),
          (bearer.medianMs / basic.medianMs).toFixed(2),
          seconds(bearer.medianMs - basic.medianMs),
          countCell(bearer.samples.map((s) => s.tokenRequests)),
          countCell(bearer.samples.map((s) => s.wire.requests))
        ]
      ]
    })
  if (rows.length === 0) return 'No scenario ran with both auth kinds.'
  return markdownTable(
    [
      'scenario',
      'latency',
      'contender',
      'Basic median',
      'Bearer median',
      'Bearer / Basic',
      'Bearer − Basic',
      'token requests',
      'registry requests (Bearer)'
    ],
    rows
  )
}
