import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer } from '../../__fixtures__/services/proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { startTlsRegistry, type TlsRegistry } from '../../__fixtures__/services/tls-registry.js'
import { RegistryClient } from '../../src/distribution/client.js'
import {
  isListedInsecure,
  plainHttpAllowed,
  plainRefusedText,
  tlsFailure,
  untrustedText
} from '../../src/distribution/endpoint.js'
import { rejectionOf } from '../../__fixtures__/errors.js'

/**
 * The registry client's TLS rule against real servers on 127.0.0.1: every
 * registry is tried over TLS first and its certificate verified; a listed
 * host (`insecure-registries`) is not verified; plain HTTP only where the
 * host is loopback or listed.
 */
const ALICE = { username: 'alice', password: 'tls-alice-secret-7' }
const mask = (): void => undefined
let trusted: TlsRegistry
let other: TlsRegistry
let plain: Registry

beforeAll(async () => {
  trusted = await startTlsRegistry({ auth: 'htpasswd', users: [ALICE] })
  other = await startTlsRegistry({ auth: 'htpasswd', users: [ALICE] })
  plain = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
}, 60_000)
afterAll(async () => {
  await trusted?.stop()
  await other?.stop()
  await plain?.stop()
})

const untrusted = (host: string): string =>
  `${host}: its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or list ${host} in insecure-registries to skip verification for that host only`

const trail = (r: TlsRegistry | Registry) =>
  r.requests().map((q) => `${q.method} ${q.path} ${q.authorization} ${q.status}`)

describe('a registry with a self-signed certificate', () => {
  test('is refused by default, before any HTTP request, and not retried', async () => {
    trusted.clearRequests()
    const retries: string[] = []
    const client = new RegistryClient(trusted.host, ALICE, mask, {
      sleep: async () => undefined,
      onRetry: (m) => retries.push(m)
    })
    expect(client.baseUrl).toBe(`https://${trusted.host}`)
    expect(await rejectionOf(() => client.checkLogin())).toBe(untrusted(trusted.host))
    expect(retries).toEqual([])
    expect(trail(trusted)).toEqual([])
  })

  test('is used without verification when listed, and only that host', async () => {
    trusted.clearRequests()
    other.clearRequests()
    const options = { insecureRegistries: [trusted.host] }
    const listed = new RegistryClient(trusted.host, ALICE, mask, options)
    await listed.checkLogin()
    expect(listed.baseUrl).toBe(`https://${trusted.host}`)
    expect(trail(trusted)).toEqual(['GET /v2/ none 401', 'GET /v2/ basic 200'])
    // The same options for another self-signed registry: that one stays verified.
    const notListed = new RegistryClient(other.host, ALICE, mask, options)
    expect(await rejectionOf(() => notListed.checkLogin())).toBe(untrusted(other.host))
    expect(trail(other)).toEqual([])
  })

  test('a listed host is matched with or without its port, in any case', () => {
    const list = ['registry.example.test', 'mirror.example.test:5443']
    expect(isListedInsecure(new URL('https://REGISTRY.example.test'), list)).toBe(true)
    expect(isListedInsecure(new URL('https://registry.example.test:443'), list)).toBe(true)
    expect(isListedInsecure(new URL('https://registry.example.test:5000'), list)).toBe(false)
    expect(isListedInsecure(new URL('https://mirror.example.test:5443'), list)).toBe(true)
    expect(isListedInsecure(new URL('https://mirror.example.test'), list)).toBe(false)
    expect(isListedInsecure(new URL('https://other.example.test'), list)).toBe(false)
  })
})

describe('plain HTTP', () => {
  test('a loopback registry that answers TLS with plain HTTP is used over http', async () => {
    plain.clearRequests()
    const client = new RegistryClient(plain.host, ALICE, mask)
    expect(client.baseUrl).toBe(`https://${plain.host}`)
    await client.checkLogin()
    expect(client.baseUrl).toBe(`http://${plain.host}`)
    expect(client.origin).toBe(`http://${plain.host}`)
    // The TLS attempt is not an HTTP request: the registry saw only these two.
    expect(trail(plain)).toEqual(['GET /v2/ none 401', 'GET /v2/ basic 200'])
  })

  test('is allowed only for loopback hosts and listed ones', () => {
    const allowed = (url: string, list: string[] = []) => plainHttpAllowed(new URL(url), list)
    expect(allowed('http://127.0.0.1:5000')).toBe(true)
    expect(allowed('http://localhost:5000')).toBe(true)
    expect(allowed('http://[::1]:5000')).toBe(true)
    expect(allowed('http://registry.example.test')).toBe(false)
    expect(allowed('http://127.evil.example.test')).toBe(false)
    expect(allowed('http://registry.example.test', ['registry.example.test'])).toBe(true)
    expect(allowed('http://registry.example.test:5000', ['registry.example.test'])).toBe(false)
  })

  describe('a server that answers TLS with plain HTTP', () => {
    let server: Server
    beforeAll(async () => {
      server = createServer((_req, res) => res.end('plain'))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    })
    afterAll(() => closeServer(server))

    test('is told apart from other failures, and the refusal names the fix', async () => {
      const url = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`)
      const error = await fetch(url).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(tlsFailure(error)).toEqual({ kind: 'plain' })
      expect(tlsFailure(new Error('ECONNREFUSED'))).toBeUndefined()
      // What a host that is neither loopback nor listed gets (no such host answers here).
      expect(plainRefusedText(new URL('https://registry.example.test:5000/v2/'))).toBe(
        'registry.example.test:5000 answered plain HTTP where TLS is required; tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries: list registry.example.test:5000 there to allow it'
      )
    })
  })
})

test('a certificate refusal reads the same on Node 20 and Node 24 (which adds advice of its own)', () => {
  const url = new URL('https://127.0.0.1:5443/v2/')
  const expected =
    'its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or list 127.0.0.1:5443 in insecure-registries to skip verification for that host only'
  const code = 'DEPTH_ZERO_SELF_SIGNED_CERT'
  expect(untrustedText('127.0.0.1:5443', url, { code, message: 'self-signed certificate' })).toBe(
    expected
  )
  expect(
    untrustedText('127.0.0.1:5443', url, {
      code,
      message:
        'self-signed certificate; if the root CA is installed locally, try running Node.js with --use-system-ca'
    })
  ).toBe(expected)
})
