import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import {
  createCertificate,
  removeCertificate,
  type Certificate
} from '../../__fixtures__/services/tls.js'
import { fetchBearerToken } from '../../src/distribution/auth.js'
import type { Challenge } from '../../src/distribution/challenge.js'

// The token service (a Bearer challenge's realm) receives the credentials, so
// it gets the registry's own rules: TLS verified unless its host is listed in
// insecure-registries, and plain HTTP only to loopback or a listed host.
const creds = { username: 'ci', password: 'token-service-secret' }
let certificate: Certificate
let server: Server
let host: string
let requests = 0

beforeAll(async () => {
  certificate = createCertificate()
  server = createServer({ cert: certificate.cert, key: certificate.key }, (_, res) => {
    requests++
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ token: 'issued-token-1' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  removeCertificate(certificate)
})

const challenge = (realm: string): Challenge => ({
  scheme: 'bearer',
  params: { realm, service: 'registry.test' }
})
const ask = (realm: string, insecureRegistries: string[] = []) =>
  fetchBearerToken({
    registry: 'registry.test',
    challenge: challenge(realm),
    scopes: ['repository:acme/app:pull'],
    credentials: creds,
    mask: () => undefined,
    insecureRegistries
  })

describe('the token service', () => {
  test('with a self-signed certificate is refused, and sent nothing', async () => {
    requests = 0
    await expect(ask(`https://${host}/token`)).rejects.toThrow(
      `registry.test: ${host}'s TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or list ${host} in insecure-registries to skip verification for that host only`
    )
    expect(requests).toBe(0)
  })

  test('on a host listed in insecure-registries gives its token', async () => {
    expect(await ask(`https://${host}/token`, [host])).toBe('issued-token-1')
    expect(requests).toBe(1)
  })

  test('over plain HTTP on another host is refused before any connection', async () => {
    await expect(ask('http://auth.registry.test/token')).rejects.toThrow(
      'registry.test: its token service http://auth.registry.test is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries'
    )
  })

  test('with a scheme other than http(s) is refused', async () => {
    await expect(ask('ftp://127.0.0.1/token')).rejects.toThrow(
      'registry.test: its token service ftp://127.0.0.1 is not HTTPS, and tagship sends credentials over plain HTTP only to loopback hosts and to those listed in insecure-registries'
    )
  })
})
