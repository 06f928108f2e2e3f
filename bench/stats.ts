import type { Sample } from './measure.js'

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Samples of one contender in one scenario, variant and latency. */
export interface Group {
  readonly scenario: string
  readonly variant: string
  readonly latency: string
  readonly auth: string
  readonly contender: string
  readonly role: Sample['role']
  readonly samples: readonly Sample[]
  readonly medianMs: number
}

export function groupSamples(samples: readonly Sample[]): Group[] {
  const groups = new Map<string, Sample[]>()
  for (const s of samples) {
    const key = [s.scenario, s.variant, s.latency, s.auth, s.contender].join('\n')
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  return [...groups.values()].map((list) => ({
    scenario: list[0]!.scenario,
    variant: list[0]!.variant,
    latency: list[0]!.latency,
    auth: list[0]!.auth,
    contender: list[0]!.contender,
    role: list[0]!.role,
    samples: list,
    medianMs: median(list.map((s) => s.ms))
  }))
}

/** tagship's group beside `g` (same scenario, variant, latency and auth). */
export const tagshipOf = (groups: readonly Group[], g: Group): Group | undefined =>
  groups.find(
    (x) =>
      x.role === 'tagship' &&
      x.scenario === g.scenario &&
      x.variant === g.variant &&
      x.latency === g.latency &&
      x.auth === g.auth
  )

/** The median, with the range when runs disagree (counts should not). */
export function countCell(values: readonly number[], format: (n: number) => string = String) {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  return lo === hi ? format(lo) : `${format(median(values))} (${format(lo)}–${format(hi)})`
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
