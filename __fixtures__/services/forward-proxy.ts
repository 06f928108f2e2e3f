import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { connect, isIP, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/**
 * A forward HTTP proxy on 127.0.0.1, as corporate runners sit behind: CONNECT
 * tunnels (for https, and for http where a client tunnels it) and
 * absolute-URI requests (`GET http://host:port/path`). It reaches loopback
 * only: any other destination is refused with 403, so no test can reach the
 * internet through it. Names in `hosts` are resolved by the proxy itself (to
 * 127.0.0.1), as a real proxy resolves names its clients cannot: a client
 * that never proxies loopback can still be proven to use the proxy.
 */
export interface ForwardProxyOptions {
  /** Demand `Proxy-Authorization: Basic` with these; any request without them gets 407. */
  readonly credentials?: { readonly username: string; readonly password: string }
  /** Host names (lowercase, no port) the proxy takes to 127.0.0.1. */
  readonly hosts?: readonly string[]
  /**
   * Called synchronously as each request arrives, before it is refused or
   * passed on, with the headers the client sent (secrets included: for
   * assertions, never for printing). For an absolute-URI request they are
   * those meant for the destination, its `Authorization` among them.
   */
  readonly onRequest?: (request: ProxiedRequest, headers: IncomingHttpHeaders) => void
}

/** One request the proxy received: a tunnel or an absolute-URI request. */
export interface ProxiedRequest {
  readonly kind: 'connect' | 'absolute'
  /** `host:port` as the client named it: `127.0.0.1:5000`, `github-oidc.test:8080`. */
  readonly target: string
  /** `CONNECT`, or the proxied request's method. */
  readonly method: string
  /** The path (and query) of an absolute-URI request; none for a tunnel. */
  readonly path?: string
  /** The user of the Proxy-Authorization the client sent, if it sent one. */
  readonly user?: string
  /** 200 for an opened tunnel or the upstream's status; 407, 403, 502 for the proxy's refusals. */
  status: number
}

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT`, with no credentials. */
  readonly url: string
  readonly port: number
  /** Every request in arrival order. */
  requests(): ProxiedRequest[]
  /** The `host:port`s the proxy passed requests to (status not 407/403), each once, in first-seen order. */
  targets(): string[]
  clear(): void
  stop(): Promise<void>
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const log: ProxiedRequest[] = []
  const sockets = new Set<Duplex>()
  const upstreamAgent = new Agent({ keepAlive: true })
  const mapped = new Set((options.hosts ?? []).map((h) => h.toLowerCase()))
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined

  /** Where a destination host really is, or undefined when the proxy must not go there. */
  const destination = (host: string): string | undefined => {
    const name = host.replace(/^\[|\]$/g, '').toLowerCase()
    if (mapped.has(name) || name === 'localhost') return '127.0.0.1'
    if (name === '::1' || (isIP(name) === 4 && name.startsWith('127.'))) return name
    return undefined
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('forward proxy: expected an absolute-URI request')
      return
    }
    const record: ProxiedRequest = {
      kind: 'absolute',
      target: `${target.hostname}:${target.port || 80}`,
      method: req.method ?? '',
      path: `${target.pathname}${target.search}`,
      ...userOf(req.headers['proxy-authorization']),
      status: 0
    }
    log.push(record)
    options.onRequest?.({ ...record }, req.headers)
    if (expected && req.headers['proxy-authorization'] !== expected) {
      record.status = 407
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="forward-proxy"' }).end()
      req.resume()
      return
    }
    const host = destination(target.hostname)
    if (target.protocol !== 'http:' || !host) {
      record.status = 403
      res.writeHead(403).end(`forward proxy: will not go to ${target.host}`)
      req.resume()
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = request(
      {
        host,
        port: Number(target.port || 80),
        method: req.method,
        path: record.path,
        headers,
        agent: upstreamAgent
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
      res.end(`forward proxy: ${target.host} failed: ${e.message}`)
    })
    req.pipe(upstream)
  })

  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const authority = req.url ?? ''
    const record: ProxiedRequest = {
      kind: 'connect',
      target: authority,
      method: 'CONNECT',
      ...userOf(req.headers['proxy-authorization']),
      status: 0
    }
    log.push(record)
    options.onRequest?.({ ...record }, req.headers)
    const refuse = (status: number, reason: string, extra = ''): void => {
      record.status = status
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    if (expected && req.headers['proxy-authorization'] !== expected)
      return refuse(
        407,
        'Proxy Authentication Required',
        'Proxy-Authenticate: Basic realm="forward-proxy"\r\n'
      )
    const parts = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority)
    const host = parts ? destination(parts[1]!) : undefined
    if (!parts || !host) return refuse(403, 'Forbidden')
    const upstream: Socket = connect(Number(parts[2]), host)
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.once('error', () => {
      if (record.status === 0) refuse(502, 'Bad Gateway')
      else client.destroy()
    })
    upstream.once('connect', () => {
      record.status = 200
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => log.map((r) => ({ ...r })),
    targets: () => [
      ...new Set(log.filter((r) => r.status !== 407 && r.status !== 403).map((r) => r.target))
    ],
    clear: () => void log.splice(0),
    stop: async () => {
      for (const socket of sockets) socket.destroy()
      upstreamAgent.destroy()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

function userOf(header: string | undefined): { user?: string } {
  const [scheme, value = ''] = header?.split(/\s+/, 2) ?? []
  if (scheme?.toLowerCase() !== 'basic') return {}
  return { user: Buffer.from(value, 'base64').toString('utf8').split(':', 1)[0] ?? '' }
}
