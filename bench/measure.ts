import type { DockerDaemon } from '../__fixtures__/services/dockerd.js'
import type { BenchConfig } from './config.js'
import type { Timed } from './peers.js'
import { wireCounts, type BenchRegistry, type WireCounts } from './registries.js'

/** info: shown, with no ratio (tagship's post step in D). */
export type Role = 'tagship' | 'peer' | 'floor' | 'info'

export interface Sample {
  /** `A`, `B`, … */
  readonly scenario: string
  /** `1 GiB` for C; '' when a scenario has one variant. */
  readonly variant: string
  readonly latency: string
  /** `Basic` (htpasswd registries), `Bearer` (token registries), `none` (no network). */
  readonly auth: string
  readonly contender: string
  readonly role: Role
  readonly ms: number
  readonly maxRssKb?: number
  /** What the target registries saw. */
  readonly wire: WireCounts
  /** Requests the token servers answered (targets and source): 0 with Basic. */
  readonly tokenRequests: number
  /** Completed blob uploads and blob bytes received, per target registry (in the order given). */
  readonly perTarget: readonly { readonly blobUploads: number; readonly blobBytes: number }[]
  /** C: bytes the source registry sent (blob downloads). */
  readonly sourceBytesDown?: number
  /** Request heads with arrival times at the latency proxies (for the where-the-time-goes notes). */
  readonly timeline?: readonly string[]
}

export interface BenchContext {
  readonly cfg: BenchConfig
  readonly daemon: DockerDaemon
  readonly work: string
  readonly actionDir: string
  readonly samples: Sample[]
}

/** Zero the counters, run one contender, and record what it cost. */
export async function measure(
  ctx: BenchContext,
  what: Omit<
    Sample,
    'ms' | 'maxRssKb' | 'wire' | 'tokenRequests' | 'perTarget' | 'sourceBytesDown' | 'timeline'
  >,
  targets: readonly BenchRegistry[],
  run: () => Promise<Timed>,
  source?: BenchRegistry
): Promise<Sample> {
  for (const r of [...targets, ...(source ? [source] : [])]) r.clear()
  const timed = await run()
  const wire = wireCounts(targets)
  const everyRegistry = [...targets, ...(source ? [source] : [])]
  const tokenRequests = everyRegistry.reduce((n, r) => n + r.tokenRequests(), 0)
  const perTarget = targets.map((r) => {
    const { blobUploads, blobBytes } = wireCounts([r])
    return { blobUploads, blobBytes }
  })
  // Token requests keep their query (service and scopes; credentials travel in headers).
  // With several target registries, each line says which (r1, r2, …).
  const targetsOnly = everyRegistry.filter((r) => r !== source)
  const label = (r: BenchRegistry) =>
    r === source ? 'source ' : targetsOnly.length > 1 ? `r${targetsOnly.indexOf(r) + 1} ` : ''
  const heads = (r: BenchRegistry) => [
    ...r.latency.requests().map((q) => ({
      ...q,
      who: label(r),
      target: q.target.split('?')[0]!
    })),
    ...(r.tokenLatency?.requests() ?? []).map((q) => ({
      ...q,
      who: `${label(r)}token `,
      target: decodeURIComponent(q.target)
    }))
  ]
  const timeline = everyRegistry
    .flatMap(heads)
    .sort((a, b) => a.at - b.at)
    .map(
      (q) => `${q.at.toFixed(0).padStart(5)} ms  #${q.connection} ${q.who}${q.method} ${q.target}`
    )
  const sample: Sample = {
    ...what,
    ms: timed.ms,
    ...(timed.maxRssKb === undefined ? {} : { maxRssKb: timed.maxRssKb }),
    wire,
    tokenRequests,
    perTarget,
    ...(source ? { sourceBytesDown: source.latency.counts().bytesDown } : {}),
    timeline
  }
  ctx.samples.push(sample)
  const rss = sample.maxRssKb ? `, peak RSS ${(sample.maxRssKb / 1024).toFixed(0)} MiB` : ''
  console.log(
    `  ${what.scenario}${what.variant ? ` ${what.variant}` : ''} ${what.latency} ${what.auth} ${what.contender}: ` +
      `${(timed.ms / 1000).toFixed(2)} s, ${wire.requests} requests, ${tokenRequests} token requests, ${wire.writes} writes, ` +
      `${wire.blobBytes} blob bytes${rss}`
  )
  return sample
}

/**
 * `[a, b, c]` rotated by `n`: each run starts with another contender. Only
 * those `--contenders` names (by first word), when it was given.
 */
export function rotate<T extends string>(ctx: BenchContext, list: readonly T[], n: number): T[] {
  const picked = ctx.cfg.contenders
  const kept = picked ? list.filter((c) => picked.has(c.split(' ')[0]!.toLowerCase())) : list
  return kept.map((_, i) => kept[(i + n) % kept.length]!)
}
