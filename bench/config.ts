import type { AuthKind } from './registries.js'

/** Sizes and repetitions: the full bench, or `--tiny` (one run, small images) for CI. */
export interface BenchConfig {
  readonly tiny: boolean
  readonly runs: number
  /** One-way delays added by the latency proxies: 0 (loopback) and 25 ms (a 50 ms round trip). */
  readonly oneWayMs: readonly number[]
  /** How the registries authenticate: every networked scenario runs once per kind, side by side. */
  readonly auths: readonly AuthKind[]
  /** Round trips a new connection costs at non-zero latency: TCP + TLS 1.3 of an HTTPS registry. */
  readonly setupRoundTrips: number
  /** A: tags written in one repository. */
  readonly retagCount: number
  /** A: the image retagged (its size does not matter: no blob moves). */
  readonly retagLayerBytes: number
  /** B and E: the image in the daemon. */
  readonly pushLayers: number
  readonly pushLayerBytes: number
  /** C: images copied registry to registry. */
  readonly copies: readonly CopySize[]
  /** F: files of random bytes per platform (one COPY layer each) in the two-platform OCI archive. */
  readonly archiveFiles: number
  readonly archiveFileBytes: number
  /** F: its one-way delays (the full bench: 50 ms RTT only, where its targets are set). */
  readonly archiveOneWayMs: readonly number[]
  /** `--contenders tagship,floor`: only these contenders run (their names' first words); all when absent. */
  readonly contenders?: ReadonlySet<string>
}

export interface CopySize {
  readonly label: string
  readonly layers: number
  readonly layerBytes: number
}

const MiB = 2 ** 20

export function benchConfig(tiny: boolean): BenchConfig {
  return {
    tiny,
    runs: tiny ? 1 : 5,
    // Tiny keeps CI quick: loopback only (the 50 ms path is covered by the proxy's own test).
    oneWayMs: tiny ? [0] : [0, 25],
    // Tiny too: CI must exercise the Bearer path (token server, challenge, token counts).
    auths: ['htpasswd', 'token'],
    setupRoundTrips: 2,
    retagCount: 10,
    retagLayerBytes: tiny ? 64 * 1024 : MiB,
    pushLayers: 5,
    pushLayerBytes: tiny ? 256 * 1024 : 10 * MiB,
    copies: tiny
      ? [{ label: '5 MiB', layers: 5, layerBytes: MiB }]
      : [
          { label: '50 MiB', layers: 5, layerBytes: 10 * MiB },
          { label: '1 GiB', layers: 8, layerBytes: 128 * MiB }
        ],
    // 2 platforms x 5 x 10 MiB: about 100 MiB of layers (tiny: about 1 MiB).
    archiveFiles: 5,
    archiveFileBytes: tiny ? 100 * 1024 : 10 * MiB,
    archiveOneWayMs: tiny ? [0] : [25]
  }
}

export const latencyLabel = (oneWayMs: number): string =>
  oneWayMs === 0 ? 'loopback' : `${2 * oneWayMs} ms RTT`

/** The value after `--name` or in `--name=value`; undefined when the flag is absent. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (at < 0) return undefined
  const value = argv[at]!.startsWith(`${name}=`) ? argv[at]!.slice(name.length + 1) : argv[at + 1]
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`)
  return value
}

const AUTH_FLAGS: Readonly<Record<string, AuthKind>> = { basic: 'htpasswd', bearer: 'token' }

/**
 * A narrower bench for working on one figure (never written to BENCHMARKS.md):
 * `--runs 3`, `--rtt 50` (or `0`: loopback), `--auth bearer` (or `basic`),
 * `--contenders tagship,floor` (first words of their names). Returns the
 * config and whether any flag narrowed it.
 */
export function narrowConfig(
  cfg: BenchConfig,
  argv: readonly string[]
): { cfg: BenchConfig; narrowed: boolean } {
  const runs = flagValue(argv, '--runs')
  const rtt = flagValue(argv, '--rtt')
  const auth = flagValue(argv, '--auth')
  const contenders = flagValue(argv, '--contenders')
  let out: BenchConfig = cfg
  if (runs !== undefined) {
    if (!/^[1-9]\d*$/.test(runs)) throw new Error(`--runs takes a whole number; got ${runs}`)
    out = { ...out, runs: Number(runs) }
  }
  if (rtt !== undefined) {
    if (rtt !== '0' && rtt !== '50') throw new Error(`--rtt takes 0 or 50; got ${rtt}`)
    const oneWay = [Number(rtt) / 2]
    out = { ...out, oneWayMs: oneWay, archiveOneWayMs: oneWay }
  }
  if (auth !== undefined) {
    const kind = AUTH_FLAGS[auth.toLowerCase()]
    if (!kind) throw new Error(`--auth takes basic or bearer; got ${auth}`)
    out = { ...out, auths: [kind] }
  }
  if (contenders !== undefined)
    out = {
      ...out,
      contenders: new Set(
        contenders
          .toLowerCase()
          .split(/[\s,]+/)
          .filter(Boolean)
      )
    }
  return { cfg: out, narrowed: out !== cfg }
}
