import type { BenchConfig } from './config.js'
import { authComparison } from './auth-report.js'
import type { Sample } from './measure.js'
import {
  countCell,
  groupSamples,
  markdownTable,
  median,
  mib,
  seconds,
  tagshipOf,
  type Group
} from './stats.js'

export interface ReportInput {
  readonly cfg: BenchConfig
  readonly samples: readonly Sample[]
  readonly machine: readonly string[]
  readonly started: Date
  readonly minutes: number
  readonly sourceDiskBytes: number
  /** Blobs in B's image (config included): each registry must receive each exactly once. */
  readonly pushBlobs: number
  /** F's archive: its blobs (configs and layers) and their bytes, what each registry must receive once. */
  readonly archive?: ArchiveFacts
}

export interface ArchiveFacts {
  readonly blobs: number
  readonly blobBytes: number
}

export function resultsTable(samples: readonly Sample[]): string {
  const groups = groupSamples(samples)
  const rows = groups.map((g) => {
    const t = tagshipOf(groups, g)
    const ratio =
      g.role === 'peer' || g.role === 'floor'
        ? t
          ? (t.medianMs / g.medianMs).toFixed(2)
          : '–'
        : g.role === 'tagship'
          ? '1'
          : '–'
    const ms = g.samples.map((s) => s.ms)
    const w = (k: keyof Sample['wire']) => g.samples.map((s) => s.wire[k] as number)
    const rss = g.samples.flatMap((s) => (s.maxRssKb ? [s.maxRssKb / 1024] : []))
    return [
      `${g.scenario}${g.variant ? ` ${g.variant}` : ''}`,
      g.latency,
      g.auth,
      g.contender,
      seconds(g.medianMs),
      `${seconds(Math.min(...ms))} – ${seconds(Math.max(...ms))}`,
      ratio,
      countCell(w('requests')),
      countCell(g.samples.map((s) => s.tokenRequests)),
      countCell(w('connections')),
      countCell(w('writes')),
      countCell(w('blobBytes'), mib),
      rss.length ? `${median(rss).toFixed(0)} MiB` : 'n/a'
    ]
  })
  return markdownTable(
    [
      'scenario',
      'latency',
      'auth',
      'contender',
      'median',
      'min – max',
      'tagship / this',
      'requests',
      'token requests',
      'connections',
      'writes',
      'blob bytes sent',
      'peak RSS'
    ],
    rows
  )
}

/**
 * Each target of issue 5, judged from the samples against htpasswd registries
 * (where the targets were set); Bearer's cost is in the auth comparison.
 */
/**
 * Every target, judged on each auth kind's samples apart (issue 16: met on
 * both), then D (no registry) once, with issue 16's start-up target too.
 */
export function judgeTargets(
  all: readonly Sample[],
  pushBlobs: number,
  archive?: ArchiveFacts
): string[] {
  const lines: string[] = []
  for (const auth of ['Basic', 'Bearer']) {
    const samples = all.filter((s) => s.auth === auth)
    if (samples.length === 0) continue
    lines.push(
      ...judgeAuth(samples, pushBlobs, archive).map((l) => l.replace(/^- /, `- ${auth}: `))
    )
  }
  const d = groupSamples(all).find(
    (g) => g.scenario === 'D' && g.latency === 'none (no network)' && g.contender === 'tagship'
  )
  const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**')
  if (d) {
    lines.push(
      `- D, under 300 ms: ${verdict(d.medianMs < 300)} (median ${d.medianMs.toFixed(0)} ms)`
    )
    lines.push(
      `- D, push: false under 100 ms (issue 16): ${verdict(d.medianMs < 100)} (median ${d.medianMs.toFixed(0)} ms)`
    )
  }
  return lines
}

function judgeAuth(
  samples: readonly Sample[],
  pushBlobs: number,
  archive?: ArchiveFacts
): string[] {
  const groups = groupSamples(samples)
  const find = (scenario: string, latency: string, contender: string, variant = '') =>
    groups.find(
      (g) =>
        g.scenario === scenario &&
        g.latency === latency &&
        g.contender === contender &&
        g.variant === variant
    )
  const lines: string[] = []
  const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**')
  const slow = '50 ms RTT'
  const a = find('A', slow, 'tagship')
  const aFloor = find('A', slow, 'floor (curl)')
  const aDocker = find('A', slow, 'docker loop')
  if (a && aFloor && aDocker) {
    const f = a.medianMs / aFloor.medianMs
    const d = aDocker.medianMs / a.medianMs
    lines.push(
      `- A at 50 ms, within 1.5x of the floor: ${verdict(f <= 1.5)} (tagship = ${f.toFixed(2)}x the floor)`
    )
    lines.push(
      `- A at 50 ms, at least 5x faster than the docker loop: ${verdict(d >= 5)} (${d.toFixed(2)}x faster)`
    )
  }
  const b = find('B', slow, 'tagship')
  const bDocker = find('B', slow, 'docker loop')
  if (b && bDocker) {
    const d = bDocker.medianMs / b.medianMs
    lines.push(
      `- B at 50 ms, at least 3x faster than the docker loop: ${verdict(d >= 3)} (${d.toFixed(2)}x faster)`
    )
  }
  const bAll = groups.filter((g) => g.scenario === 'B' && g.role === 'tagship')
  const uploads = bAll.flatMap((g) => g.samples.map((s) => s.wire.blobUploads))
  if (uploads.length > 0)
    lines.push(
      `- B, each registry receives each blob exactly once (${3 * pushBlobs} completed uploads for 3 registries x ${pushBlobs} blobs): ` +
        `${verdict(uploads.every((u) => u === 3 * pushBlobs))} (tagship: ${countCell(uploads)} in every run)`
    )
  for (const g of groups.filter((x) => x.scenario === 'C' && x.role === 'tagship')) {
    const skopeo = find('C', g.latency, 'skopeo', g.variant)
    if (!skopeo) continue
    const r = g.medianMs / skopeo.medianMs
    lines.push(
      `- C ${g.variant} at ${g.latency}, no slower than skopeo: ${verdict(r <= 1)} (tagship = ${r.toFixed(2)}x skopeo's time)`
    )
  }
  const largest = groups.filter((x) => x.scenario === 'C' && x.role === 'tagship').at(-1)
  if (largest) {
    const rss = Math.max(...largest.samples.map((s) => (s.maxRssKb ?? 0) / 1024))
    lines.push(
      `- C ${largest.variant}, peak RSS under 150 MB: ${verdict(rss * 1.048576 < 150)} (highest of all runs ${rss.toFixed(0)} MiB)`
    )
  }
  const e = groups.filter((x) => x.scenario === 'E' && x.role === 'tagship')
  const writes = e.flatMap((g) => g.samples.map((s) => s.wire.writes))
  if (writes.length > 0)
    lines.push(
      `- E, zero manifest or blob writes: ${verdict(writes.every((w) => w === 0))} (writes per run: ${countCell(writes)})`
    )
  const f = groups.filter((x) => x.scenario === 'F' && x.role === 'tagship')
  for (const g of f) {
    const floor = find('F', g.latency, 'floor')
    const skopeo = find('F', g.latency, 'skopeo loop')
    if (floor) {
      const r = g.medianMs / floor.medianMs
      lines.push(
        `- F at ${g.latency}, within 1.3x of the floor: ${verdict(r <= 1.3)} (tagship = ${r.toFixed(2)}x the floor)`
      )
    }
    if (skopeo) {
      const r = skopeo.medianMs / g.medianMs
      lines.push(
        `- F at ${g.latency}, at least 4x faster than the skopeo loop: ${verdict(r >= 4)} (${r.toFixed(2)}x faster)`
      )
    }
  }
  const fSamples = f.flatMap((g) => g.samples)
  if (fSamples.length > 0) {
    const rss = Math.max(...fSamples.map((s) => (s.maxRssKb ?? 0) / 1024))
    lines.push(
      `- F, peak RSS under 150 MB: ${verdict(rss * 1.048576 < 150)} (highest of all runs ${rss.toFixed(0)} MiB)`
    )
  }
  if (fSamples.length > 0 && archive) {
    const per = fSamples.flatMap((s) => s.perTarget)
    const ok = per.every(
      (p) => p.blobUploads === archive.blobs && p.blobBytes === archive.blobBytes
    )
    lines.push(
      `- F, each registry receives each blob exactly once (${archive.blobs} completed uploads, ${mib(archive.blobBytes)} read from the archive per registry): ` +
        `${verdict(ok)} (tagship, per registry: ${countCell(per.map((p) => p.blobUploads))} uploads, ` +
        `${countCell(
          per.map((p) => p.blobBytes),
          mib
        )} in every run)`
    )
  }
  return lines
}

/**
 * Request kinds and the arrival timeline of tagship's first run of A, B, E and F
 * at 50 ms (Basic), and of A with Bearer auth (its token requests included).
 */
export function whereTimeGoes(samples: readonly Sample[]): string {
  const parts: string[] = []
  const cases = ['Basic', 'Bearer'].flatMap((auth) => [
    ...['A', 'B', 'E', 'F'].map((scenario) => ({
      scenario,
      variant: '',
      latency: '50 ms RTT',
      auth
    })),
    { scenario: 'C', variant: '50 MiB', latency: 'loopback', auth }
  ])
  for (const { scenario, variant, latency, auth } of cases) {
    const s = samples.find(
      (x) =>
        x.scenario === scenario &&
        x.variant === variant &&
        x.auth === auth &&
        x.role === 'tagship' &&
        x.latency === latency
    )
    if (!s) continue
    const kinds = [...s.wire.kinds].map(([k, n]) => `${k} ×${n}`).join(', ')
    const name = variant ? `${scenario} ${variant}` : scenario
    parts.push(
      `### ${name}, tagship, ${latency}, ${auth} (first run: ${seconds(s.ms)})\n\n` +
        `Requests by kind: ${kinds}${s.tokenRequests ? `; token requests ×${s.tokenRequests}` : ''}.\n\n` +
        'Request heads as they reached the latency proxies (ms after the action started, connection):\n\n' +
        '```\n' +
        (s.timeline ?? []).join('\n') +
        '\n```'
    )
  }
  return parts.join('\n\n')
}

export function renderReport(input: ReportInput, analysis: string): string {
  const groups: Group[] = groupSamples(input.samples)
  const runs = Math.max(...groups.map((g) => g.samples.length))
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${input.started.toISOString().replace(/\.\d+Z$/, 'Z')};
the whole run took ${input.minutes.toFixed(1)} minutes. Run it again to regenerate this file.

Machine: ${input.machine.join('; ')}.

## Results

Medians of ${runs} runs (contenders alternate: each run starts with another one), min and max.
**tagship / this** is tagship's median time divided by this contender's: below 1 tagship is
faster. Counts are what the target registries saw; a range means the runs differed.

${resultsTable(input.samples)}

## Basic and Bearer auth

Every networked scenario ran against htpasswd registries (Basic on every request) and
against token registries (a Bearer challenge; the token server behind a latency proxy
of its own, so each token round trip pays the RTT), side by side in this run.
**token requests** are the GETs and POSTs the token servers answered per run.

${authComparison(input.samples)}

## Targets (issues 5 and 16, judged on each auth kind)

${judgeTargets(input.samples, input.pushBlobs, input.archive).join('\n')}

${analysis}
`
}
