import { Agent, createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeToken } from './token-signing.js'

/** One request as it passed the proxy: enough to assert what a client did, and no secret. */
export interface RecordedRequest {
  readonly method: string
  /** The path without the query: `/v2/team/app/manifests/1`. */
  readonly path: string
  /** The raw query string without `?`, or '' (upload `_state` and `digest` values live here). */
  readonly query: string
  readonly authorization: 'none' | 'basic' | 'bearer' | 'other'
  /** The Basic username or the Bearer token's `sub`. */
  readonly user?: string
  /** 0 while the upstream has not answered, 502 when it could not be reached. */
  readonly status: number
  /**
   * Request body bytes that reached the proxy so far (blob uploads: PATCH or
   * PUT bodies). Always set by the recording proxy, but not enumerable, so
   * records still deep-equal the objects tests wrote before it was counted
   * (and a spread copy drops it). Optional: the fault proxy's records lack it.
   */
  readonly bytes?: number
}

export interface RecordingProxy {
  readonly port: number
  requests(): RecordedRequest[]
  clearRequests(): void
  stop(): Promise<void>
}

/**
 * An HTTP/1.1 pass-through in front of a loopback server that records every
 * request. The registry's own log has no reliable request trail (its access
 * log is written after the response, and does not say how a client
 * authenticated), and tests need to assert exactly that.
 * The Host header is forwarded unchanged, so the registry's absolute upload
 * `Location`s keep pointing at the proxy.
 */
export async function startRecordingProxy(targetPort: number): Promise<RecordingProxy> {
  const records: Array<{ -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }> = []
  const agent = new Agent({ keepAlive: true })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const record = countBytes({
      method: req.method ?? '',
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      ...describeAuthorization(req.headers.authorization),
      status: 0
    })
    records.push(record)
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: url,
        headers: req.headers,
        agent
      },
      (answer) => {
        record.status = answer.statusCode ?? 0
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        answer.pipe(res)
      }
    )
    upstream.on('error', (e) => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`recording proxy: upstream 127.0.0.1:${targetPort} failed: ${e.message}`)
    })
    req.pipe(upstream)
    // A second 'data' listener only watches: pipe() already made the body flow
    // and still pauses it when the upstream pushes back.
    req.on('data', (chunk: Buffer) => void (record.bytes += chunk.length))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => records.map((r) => countBytes({ ...r }, r.bytes)),
    clearRequests: () => void records.splice(0),
    stop: async () => {
      await closeServer(server)
      agent.destroy()
    }
  }
}

/** Give a record its `bytes` (see RecordedRequest), writable and not enumerable. */
function countBytes<T extends object>(record: T, bytes = 0): T & { bytes: number } {
  Object.defineProperty(record, 'bytes', { value: bytes, writable: true, enumerable: false })
  return record as T & { bytes: number }
}

export function authorizationScheme(header: string | undefined): RecordedRequest['authorization'] {
  const scheme = header?.split(/\s+/, 1)[0]?.toLowerCase()
  if (!scheme) return 'none'
  return scheme === 'basic' || scheme === 'bearer' ? scheme : 'other'
}

function describeAuthorization(
  header: string | undefined
): Pick<RecordedRequest, 'authorization' | 'user'> {
  const authorization = authorizationScheme(header)
  const value = header?.split(/\s+/, 2)[1] ?? ''
  if (authorization === 'basic') {
    const user = Buffer.from(value, 'base64').toString('utf8').split(':', 1)[0] ?? ''
    return { authorization: 'basic', user }
  }
  if (authorization === 'bearer') {
    try {
      const sub = decodeToken(value).payload.sub
      return typeof sub === 'string'
        ? { authorization: 'bearer', user: sub }
        : { authorization: 'bearer' }
    } catch {
      return { authorization: 'bearer' } // not a JWT: some registries use opaque tokens
    }
  }
  return { authorization }
}

/** Stop listening and drop idle keep-alive connections, which would otherwise hold close() open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((e) => (e ? reject(e) : resolve()))
    server.closeAllConnections()
  })
}
