import { request, Agent } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { closeServer, type RecordedRequest } from './proxy.js'
import { startRegistry, type RegistryOptions, type Registry } from './registry.js'
import { createCertificate, removeCertificate, type Certificate } from './tls.js'

export interface TlsRegistry {
  /** `127.0.0.1:PORT`: the TLS endpoint, what clients use in references. */
  readonly host: string
  /** `https://127.0.0.1:PORT` */
  readonly url: string
  /** Its self-signed certificate (CN localhost, SAN 127.0.0.1): `certPath` for NODE_EXTRA_CA_CERTS. */
  readonly certificate: Certificate
  /** The plain registry behind the TLS terminator (its own recording proxy). */
  readonly registry: Registry
  /** Every request that got through TLS to the registry, in arrival order. */
  requests(): RecordedRequest[]
  clearRequests(): void
  stop(): Promise<void>
}

/**
 * A Distribution registry behind a TLS terminator with a self-signed
 * certificate, on 127.0.0.1: what a private registry with its own CA looks
 * like. A request is recorded only once its TLS handshake succeeded, so a
 * client that refuses the certificate leaves no record at all.
 * `X-Forwarded-Proto: https` makes the registry write https upload
 * `Location`s, and the Host header passes unchanged, so they point back here.
 */
export async function startTlsRegistry(
  options: RegistryOptions,
  certificate: Certificate = createCertificate()
): Promise<TlsRegistry> {
  const registry = await startRegistry({ ...options, record: true })
  const target = Number(registry.host.split(':')[1])
  const agent = new Agent({ keepAlive: true })
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-proto': 'https' },
        agent
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        answer.pipe(res)
      }
    )
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`tls terminator: upstream ${registry.host} failed: ${e.message}`)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    url: `https://${host}`,
    certificate,
    registry,
    requests: () => registry.requests(),
    clearRequests: () => registry.clearRequests(),
    stop: async () => {
      await closeServer(server)
      agent.destroy()
      await registry.stop()
      removeCertificate(certificate)
    }
  }
}
