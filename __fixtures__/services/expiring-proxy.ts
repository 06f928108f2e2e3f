import { Agent, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer } from './proxy.js'

export interface ExpiringProxy {
  readonly host: string
  readonly url: string
  /**
   * Make the next request that carries credentials arrive without them, so
   * the real registry answers its real 401 challenge: what a client sees when
   * its token expires mid-run.
   */
  expireNext(): void
  stop(): Promise<void>
}

/** A pass-through to `target` (a registry's base URL) that can "expire" one request's credentials. */
export async function startExpiringProxy(target: string): Promise<ExpiringProxy> {
  let expire = false
  const agent = new Agent({ keepAlive: true })
  const server = createServer((req, res) => {
    const headers = { ...req.headers }
    if (expire && headers.authorization) {
      expire = false
      delete headers.authorization
    }
    const forward = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        answer.pipe(res)
      }
    )
    forward.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`expiring proxy: ${target} failed: ${e.message}`)
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    url: `http://${host}`,
    expireNext: () => void (expire = true),
    stop: async () => {
      await closeServer(server)
      agent.destroy()
    }
  }
}
