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
