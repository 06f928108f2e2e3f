import { createServer as createHttpServer, request as httpRequest } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https'
import type { AddressInfo } from 'node:net'
import { closeServer } from './github-oidc.js'
import type { Certificate } from './tls.js'

export interface TlsBridge {
  /** `https://127.0.0.1:PORT` with a certificate, else `http://127.0.0.1:PORT`. */
  readonly url: string
  close(): Promise<void>
}

/**
 * A pass-through on 127.0.0.1 between two schemes: https in front of a plain
 * http service (`certificate` given), or plain http in front of an https one
 * (`target` https, whose certificate `trust` is). Two of them put a plain
 * http fixture (the fault proxy) between an https client and an https
 * service, as Entra ID is. The Host header passes unchanged, so a service
 * that writes its own URLs (OpenID metadata) writes the front's.
 */
export async function startTlsBridge(
  target: string,
  options: { readonly certificate?: Certificate; readonly trust?: Certificate } = {}
): Promise<TlsBridge> {
  const to = new URL(target)
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const send = to.protocol === 'https:' ? httpsRequest : httpRequest
    const upstream = send(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        ...(options.trust && { ca: options.trust.cert })
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        answer.pipe(res)
      }
    )
    // The service (or the fault proxy before it) dropped the connection: drop this one too.
    upstream.on('error', () => res.socket?.destroy())
    req.pipe(upstream)
  }
  const { certificate } = options
  const server = certificate
    ? createHttpsServer({ cert: certificate.cert, key: certificate.key }, forward)
    : createHttpServer(forward)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => closeServer(server)
  }
}
