import { Agent, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizationScheme, closeServer } from '../../__fixtures__/services/proxy.js'

/** A request as it reached the proxy: how it was authorized, and what was answered. */
export interface Seen {
  readonly method: string
  readonly path: string
  readonly authorization: 'none' | 'basic' | 'bearer' | 'other'
  readonly status: number
}

export interface LocationRule {
  readonly method: string
  readonly path: RegExp
  /** The `Location` to answer with instead of the registry's own (`undefined` for `redirect`). */
  readonly location: (original: string | undefined) => string
  /** Answer this redirect status at once instead of asking the registry (a blob GET redirect). */
  readonly redirect?: number
}

export interface LocationProxy {
  /** `127.0.0.1:PORT` */
  readonly host: string
  readonly port: number
  /** Every later matching answer gets this `Location`. */
  rewrite(rule: LocationRule): void
  seen(): Seen[]
  reset(): void
  stop(): Promise<void>
}

/**
 * A pass-through to a loopback registry that hands clients other `Location`s
 * than the registry gave: an upload session on another host, a redirect to a
 * `file:` URL. The Host header passes unchanged, so untouched `Location`s
 * point back here.
 */
export async function startLocationProxy(targetPort: number): Promise<LocationProxy> {
  const agent = new Agent({ keepAlive: true })
  const rules: LocationRule[] = []
  const records: Array<{ -readonly [K in keyof Seen]: Seen[K] }> = []
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!
    const record = {
      method: req.method ?? '',
      path,
      authorization: authorizationScheme(req.headers.authorization),
      status: 0
    }
    records.push(record)
    const rule = rules.find((r) => r.method === req.method && r.path.test(path))
    if (rule?.redirect) {
      req.resume()
      record.status = rule.redirect
      res.writeHead(rule.redirect, { location: rule.location(undefined), 'content-length': 0 })
      res.end()
      return
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent
      },
      (answer) => {
        record.status = answer.statusCode ?? 0
        const headers = { ...answer.headers }
        // Only answers that carry one (a 202 opening a session, not the 401 before it).
        if (rule && answer.headers.location)
          headers.location = rule.location(answer.headers.location)
        res.writeHead(answer.statusCode ?? 502, headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', (e) => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`location proxy: ${e.message}`)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    port,
    rewrite: (rule) => void rules.push(rule),
    seen: () => records.map((r) => ({ ...r })),
    reset: () => {
      rules.splice(0)
      records.splice(0)
    },
    stop: async () => {
      await closeServer(server)
      agent.destroy()
    }
  }
}
