import { Agent, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer } from './proxy.js'

/** What a tap shows its listener: enough to tell who sent which credential, at the moment it arrives. */
export interface TappedRequest {
  readonly method: string
  readonly path: string
  /** The whole `Authorization` header, secret included: for assertions, never for printing. */
  readonly authorization?: string
  readonly userAgent?: string
}

export interface Tap {
  /** `127.0.0.1:PORT`, the host clients put in references. */
  readonly host: string
  readonly url: string
  /** Where requests go from now on (a base URL); until set, they get 503. */
  setTarget(url: string): void
  stop(): Promise<void>
}

/**
 * An HTTP pass-through that calls `onRequest` synchronously as each request
 * arrives, before forwarding it unchanged (Host included, so a registry's
 * `Location`s keep pointing here). The call happens while the sender waits,
 * so the listener sees the world as it was when the credential was sent.
 * Its port is known before its target, which breaks the cycle of a service
 * that must name its own front host (an ACR's token `service`).
 */
export async function startTap(
  onRequest: (request: TappedRequest) => void,
  target?: string
): Promise<Tap> {
  let upstream = target
  const agent = new Agent({ keepAlive: true })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    onRequest({
      method: req.method ?? '',
      path: url.split('?', 1)[0] ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {})
    })
    if (!upstream) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('tap: no target yet')
      return
    }
    const forward = request(
      new URL(url, upstream),
      { method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        answer.pipe(res)
      }
    )
    forward.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`tap: ${upstream} failed: ${e.message}`)
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    url: `http://${host}`,
    setTarget: (url) => void (upstream = url),
    stop: async () => {
      await closeServer(server)
      agent.destroy()
    }
  }
}

/**
 * The credential values in an `Authorization` header: a Basic header gives its
 * base64 value and the password inside it, a Bearer header its token.
 */
export function credentialValues(authorization: string | undefined): string[] {
  const [scheme = '', value = ''] = (authorization ?? '').split(/\s+/, 2)
  if (value === '') return []
  if (scheme.toLowerCase() === 'bearer') return [value]
  if (scheme.toLowerCase() !== 'basic') return [value]
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const password = decoded.slice(decoded.indexOf(':') + 1)
  return password === '' ? [value] : [value, password]
}
