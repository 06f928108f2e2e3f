import { startLatencyProxy, type LatencyProxy } from '../__fixtures__/services/latency-proxy.js'
import type { RecordedRequest } from '../__fixtures__/services/proxy.js'
import { startRegistry, type Registry } from '../__fixtures__/services/registry.js'

export interface Creds {
  readonly username: string
  readonly password: string
}

/** One user for every bench registry; the password is fresh per bench run. */
export const USER: Creds = {
  username: 'bench',
  password: `bench-${process.pid}-${Date.now().toString(36)}`
}

/**
 * A Distribution registry (htpasswd) as the contenders see it: behind a
 * latency proxy (counts connections, requests, bytes each way) in front of the
 * recording proxy (says what each request was). `direct` skips the latency,
 * for set-up and checks that are not measured.
 */
export interface BenchRegistry {
  /** `127.0.0.1:PORT` of the latency proxy: what contenders use in references. */
  readonly host: string
  readonly url: string
  /** `http://127.0.0.1:PORT` of the recording proxy, no added latency. */
  readonly direct: string
  readonly latency: LatencyProxy
  readonly registry: Registry
  clear(): void
  stop(): Promise<void>
}

export async function startBenchRegistry(
  oneWayMs: number,
  setupRoundTrips: number
): Promise<BenchRegistry> {
  const registry = await startRegistry({ auth: 'htpasswd', users: [USER] })
  let latency: LatencyProxy
  try {
    latency = await startLatencyProxy({
      targetPort: Number(registry.host.split(':')[1]),
      oneWayMs,
      setupRoundTrips: oneWayMs === 0 ? 0 : setupRoundTrips
    })
  } catch (e) {
    await registry.stop()
    throw e
  }
  return {
    host: latency.host,
    url: latency.url,
    direct: registry.url,
    latency,
    registry,
    clear: () => {
      latency.clear()
      registry.clearRequests()
    },
    stop: async () => {
      await latency.stop()
      await registry.stop()
    }
  }
}

/** What the registries saw during one measured run. */
export interface WireCounts {
  readonly connections: number
  readonly requests: number
  readonly bytesUp: number
  readonly bytesDown: number
  /** PUT, POST, PATCH and DELETE requests. */
  readonly writes: number
  readonly manifestPuts: number
  /** Upload sessions that completed (PUT to /blobs/uploads/ answered 201). */
  readonly blobUploads: number
  /** Request body bytes sent to /blobs/uploads/: blob bytes sent. */
  readonly blobBytes: number
  /** `PUT manifest ×10`, in order of first appearance. */
  readonly kinds: ReadonlyMap<string, number>
}

const WRITES = new Set(['PUT', 'POST', 'PATCH', 'DELETE'])

export function wireCounts(registries: readonly BenchRegistry[]): WireCounts {
  const recorded = registries.flatMap((r) => r.registry.requests())
  const latency = registries.map((r) => r.latency.counts())
  const sum = (k: 'connections' | 'requests' | 'bytesUp' | 'bytesDown'): number =>
    latency.reduce((a, c) => a + c[k], 0)
  const uploads = recorded.filter((r) => r.path.includes('/blobs/uploads/'))
  const kinds = new Map<string, number>()
  for (const r of recorded) kinds.set(kindOf(r), (kinds.get(kindOf(r)) ?? 0) + 1)
  return {
    connections: sum('connections'),
    requests: sum('requests'),
    bytesUp: sum('bytesUp'),
    bytesDown: sum('bytesDown'),
    writes: recorded.filter((r) => WRITES.has(r.method)).length,
    manifestPuts: recorded.filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
      .length,
    blobUploads: uploads.filter((r) => r.method === 'PUT' && r.status === 201).length,
    blobBytes: uploads.reduce((a, r) => a + (r.bytes ?? 0), 0),
    kinds
  }
}

/** `PATCH upload`, `HEAD blob → 404`, `GET /v2/ → 401`: what a request was for. */
export function kindOf(r: RecordedRequest): string {
  const what =
    r.path === '/v2/'
      ? '/v2/'
      : r.path.includes('/blobs/uploads/')
        ? 'upload'
        : r.path.includes('/blobs/')
          ? 'blob'
          : r.path.includes('/manifests/')
            ? 'manifest'
            : r.path.endsWith('/tags/list')
              ? 'tags/list'
              : r.path
  return `${r.method} ${what}${r.status >= 400 ? ` → ${r.status}` : ''}`
}

/** Another latency proxy in front of the same registry (one seeded source, two latencies). */
export async function withLatency(
  base: BenchRegistry,
  oneWayMs: number,
  setupRoundTrips: number
): Promise<BenchRegistry> {
  const latency = await startLatencyProxy({
    targetPort: Number(base.registry.host.split(':')[1]),
    oneWayMs,
    setupRoundTrips: oneWayMs === 0 ? 0 : setupRoundTrips
  })
  return {
    ...base,
    host: latency.host,
    url: latency.url,
    latency,
    clear: () => {
      latency.clear()
      base.registry.clearRequests()
    },
    stop: () => latency.stop()
  }
}
