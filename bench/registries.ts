import { startLatencyProxy, type LatencyProxy } from '../__fixtures__/services/latency-proxy.js'
import type { RecordedRequest } from '../__fixtures__/services/proxy.js'
import { startRegistry, type Registry } from '../__fixtures__/services/registry.js'
import { startTokenServer, type TokenServer } from '../__fixtures__/services/token-server.js'
import { Cleanup } from '../__fixtures__/services/process.js'
import { forgetAuth } from './http.js'

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
 * How a bench registry authenticates: `htpasswd` takes Basic on every request
 * (as ECR's login password does, no token round trip); `token` answers 401 with
 * a Bearer challenge naming a token server (as Docker Hub, ACR and GHCR do).
 */
export type AuthKind = 'htpasswd' | 'token'

export const AUTH_LABEL: Readonly<Record<AuthKind, string>> = {
  htpasswd: 'Basic',
  token: 'Bearer'
}

/**
 * A Distribution registry as the contenders see it: behind a latency proxy
 * (counts connections, requests, bytes each way) in front of the recording
 * proxy (says what each request was). With token auth its token server sits
 * behind a latency proxy of its own with the same delay, so every token round
 * trip pays the RTT as it would on a hosted runner. `direct` skips the
 * registry's latency, for set-up and checks that are not measured.
 */
export interface BenchRegistry {
  readonly auth: AuthKind
  /** `127.0.0.1:PORT` of the latency proxy: what contenders use in references. */
  readonly host: string
  readonly url: string
  /** `http://127.0.0.1:PORT` of the recording proxy, no added latency. */
  readonly direct: string
  readonly latency: LatencyProxy
  readonly registry: Registry
  /** token auth: the realm and service of the Bearer challenge (the realm is behind the latency). */
  readonly token?: TokenEndpoint
  /** token auth: the latency proxy in front of the token server (its request heads, for timelines). */
  readonly tokenLatency?: LatencyProxy
  /** GETs and POSTs the token server answered since the last clear() (0 with htpasswd). */
  tokenRequests(): number
  clear(): void
  stop(): Promise<void>
}

export interface TokenEndpoint {
  readonly realm: string
  readonly service: string
}

export async function startBenchRegistry(
  oneWayMs: number,
  setupRoundTrips: number,
  auth: AuthKind = 'htpasswd'
): Promise<BenchRegistry> {
  const cleanup = new Cleanup()
  const delay = (targetPort: number) =>
    startLatencyProxy({
      targetPort,
      oneWayMs,
      setupRoundTrips: oneWayMs === 0 ? 0 : setupRoundTrips
    })
  try {
    let tokens: { server: TokenServer; latency: LatencyProxy } | undefined
    if (auth === 'token') {
      const server = await startTokenServer({ users: [USER] })
      cleanup.add(server.stop)
      const latency = await delay(Number(new URL(server.realm).port))
      cleanup.add(latency.stop)
      tokens = { server, latency }
    }
    const registry = await startRegistry(
      tokens
        ? {
            auth: 'token',
            tokenServer: { ...tokens.server, realm: `${tokens.latency.url}/token` }
          }
        : { auth: 'htpasswd', users: [USER] }
    )
    cleanup.add(registry.stop)
    const latency = await delay(Number(registry.host.split(':')[1]))
    cleanup.add(latency.stop)
    return {
      auth,
      host: latency.host,
      url: latency.url,
      direct: registry.url,
      latency,
      registry,
      ...(tokens
        ? {
            token: { realm: `${tokens.latency.url}/token`, service: tokens.server.service },
            tokenLatency: tokens.latency
          }
        : {}),
      tokenRequests: () => tokens?.server.requests().length ?? 0,
      clear: () => {
        latency.clear()
        registry.clearRequests()
        tokens?.latency.clear()
        tokens?.server.clearRequests()
      },
      stop: async () => {
        await cleanup.run()
        // A later registry may get the same port, with another token server.
        forgetAuth(registry.url)
        forgetAuth(latency.url)
      }
    }
  } catch (e) {
    await cleanup.run()
    throw e
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
      base.clear()
      latency.clear()
    },
    stop: async () => {
      await latency.stop()
      forgetAuth(latency.url)
    }
  }
}
