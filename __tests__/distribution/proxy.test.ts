import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  startForwardProxy,
  type ForwardProxy,
  type ProxiedRequest
} from '../../__fixtures__/services/forward-proxy.js'
import { freePort } from '../../__fixtures__/services/ports.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { startTlsRegistry, type TlsRegistry } from '../../__fixtures__/services/tls-registry.js'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { putManifest } from '../../src/distribution/manifests.js'
import { repoHandle } from '../../src/distribution/repo.js'
import { image } from './content-helpers.js'

/**
 * Registry requests through an HTTP proxy named by HTTPS_PROXY / HTTP_PROXY:
 * the registry API and its token service, over a CONNECT tunnel for https
 * (certificates verified inside it, or not for an insecure-registries host)
 * and as absolute-URI requests for http. Loopback fixtures are proxied only
 * with TAGSHIP_PROXY_LOOPBACK=true, the opt-in this file uses.
 */
const ALICE = { username: 'alice', password: 'alice-proxy-pass-1', repositories: ['team/*'] }
const PROXY_USER = { username: 'builder', password: 'proxy-pass-Zq81' }
const mask = (): void => undefined
const VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'TAGSHIP_PROXY_LOOPBACK']

let proxy: ForwardProxy
let locked: ForwardProxy
let registry: Registry
let tls: TlsRegistry

beforeAll(async () => {
  proxy = await startForwardProxy()
  locked = await startForwardProxy({ credentials: PROXY_USER })
  registry = await startRegistry({ auth: 'token', users: [ALICE] })
  tls = await startTlsRegistry({ auth: 'htpasswd', users: [ALICE] })
}, 60_000)
afterAll(async () => {
  await proxy?.stop()
  await locked?.stop()
  await registry?.stop()
  await tls?.stop()
})
afterEach(() => {
  for (const name of VARIABLES) delete process.env[name]
  proxy.clear()
  locked.clear()
  registry.clearRequests()
  registry.tokenServer!.clearRequests()
  tls.clearRequests()
})

/** Both proxy variables (and the loopback opt-in unless told otherwise) for this test. */
function useProxy(url: string, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    HTTPS_PROXY: url,
    HTTP_PROXY: url,
    TAGSHIP_PROXY_LOOPBACK: 'true',
    ...extra
  })
}

const tokenHost = (): string => new URL(registry.tokenServer!.realm).host
const line = (r: ProxiedRequest): string =>
  `${r.method} ${r.kind === 'connect' ? r.target : `${r.target}${r.path!.split('?')[0]}`} ${r.status}`

describe('through a proxy', () => {
  test('a push to a token-auth registry: every registry and token request passes the proxy', async () => {
    useProxy(proxy.url)
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    const repo = repoHandle(client, 'team/app', 'push')
    const manifest = await image(repo, { os: 'linux', architecture: 'amd64' })
    await putManifest(repo, '1.0.0', manifest)

    expect(proxy.targets()).toEqual([registry.host, tokenHost()])
    const passed = proxy.requests()
    // TLS first, in a tunnel: the plain registry answers it with HTTP, so the client goes on over http.
    expect(passed[0]).toEqual({
      kind: 'connect',
      target: registry.host,
      method: 'CONNECT',
      status: 200
    })
    expect(passed.slice(1, 4).map(line)).toEqual([
      `GET ${registry.host}/v2/ 401`,
      `GET ${tokenHost()}/token 200`,
      `GET ${registry.host}/v2/ 200`
    ])
    // Everything the registry and its token service received came through the proxy.
    const absolute = (host: string) =>
      passed
        .filter((r) => r.kind === 'absolute' && r.target === host)
        .map((r) => `${r.method} ${r.path!.split('?')[0]} ${r.status}`)
    expect(absolute(registry.host)).toEqual(
      registry.requests().map((r) => `${r.method} ${r.path} ${r.status}`)
    )
    expect(absolute(tokenHost())).toEqual(
      registry.tokenServer!.requests().map((r) => `${r.method} ${r.path} ${r.status}`)
    )
    expect(registry.requests().at(-1)).toMatchObject({
      method: 'PUT',
      path: '/v2/team/app/manifests/1.0.0',
      status: 201
    })
  })

  test('NO_PROXY: the listed registry is reached directly, its token service still through the proxy', async () => {
    useProxy(proxy.url, { NO_PROXY: `example.test, ${registry.host}` })
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    expect(proxy.targets()).toEqual([tokenHost()])
    expect(registry.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v2/ 401',
      'GET /v2/ 200'
    ])
  })

  test('loopback hosts are reached directly unless TAGSHIP_PROXY_LOOPBACK is true', async () => {
    useProxy(proxy.url, { TAGSHIP_PROXY_LOOPBACK: '' })
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    expect(registry.requests().length).toBe(2)
    expect(proxy.requests()).toEqual([])
  })

  test('a TLS registry listed in insecure-registries: a tunnel, its certificate not verified inside it', async () => {
    useProxy(proxy.url)
    const client = new RegistryClient(tls.host, ALICE, mask, { insecureRegistries: [tls.host] })
    await client.checkLogin()
    expect(client.baseUrl).toBe(`https://${tls.host}`)
    // Every request went through a tunnel to the registry (how many, depends on reused connections).
    expect(new Set(proxy.requests().map(line))).toEqual(new Set([`CONNECT ${tls.host} 200`]))
    expect(
      tls.requests().map((r) => `${r.method} ${r.path} ${r.authorization} ${r.status}`)
    ).toEqual(['GET /v2/ none 401', 'GET /v2/ basic 200'])
  })

  test('a TLS registry not listed: its certificate is verified through the tunnel, and refused', async () => {
    useProxy(proxy.url)
    const client = new RegistryClient(tls.host, ALICE, mask, { retries: 0 })
    expect(await rejectionOf(() => client.checkLogin())).toBe(
      `${tls.host}: its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or list ${tls.host} in insecure-registries to skip verification for that host only`
    )
    expect(proxy.requests().map(line)).toEqual([`CONNECT ${tls.host} 200`])
    expect(tls.requests()).toEqual([])
  })
})

describe('a proxy that needs credentials', () => {
  test('the user and password in the URL go as Proxy-Authorization on the tunnel and on each request', async () => {
    const { username, password } = PROXY_USER
    useProxy(`http://${username}:${password}@127.0.0.1:${locked.port}`)
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    const passed = locked.requests()
    expect(passed.map(line)).toEqual([
      `CONNECT ${registry.host} 200`,
      `GET ${registry.host}/v2/ 401`,
      `GET ${tokenHost()}/token 200`,
      `GET ${registry.host}/v2/ 200`
    ])
    expect(passed.map((r) => r.user)).toEqual([username, username, username, username])
  })

  test('wrong ones: one error naming the proxy and the variable, no password, no retry', async () => {
    const wrong = 'not-the-proxy-pass-93'
    useProxy(`http://${PROXY_USER.username}:${wrong}@127.0.0.1:${locked.port}`)
    const retries: string[] = []
    const client = new RegistryClient(registry.host, ALICE, mask, {
      sleep: async () => undefined,
      onRetry: (m) => retries.push(m)
    })
    const message = await rejectionOf(() => client.checkLogin())
    expect(message).toBe(
      `${registry.host} could not be reached: the proxy ${locked.url} from HTTPS_PROXY answered HTTP 407 (it needs credentials): check the user and password in HTTPS_PROXY`
    )
    expect(message).not.toContain(wrong)
    expect(retries).toEqual([])
    expect(locked.requests().map(line)).toEqual([`CONNECT ${registry.host} 407`])
    expect(registry.requests()).toEqual([])
  })

  test('none given: the error says where they go', async () => {
    useProxy(locked.url)
    const client = new RegistryClient(registry.host, ALICE, mask)
    expect(await rejectionOf(() => client.checkLogin())).toBe(
      `${registry.host} could not be reached: the proxy ${locked.url} from HTTPS_PROXY answered HTTP 407 (it needs credentials): give them in HTTPS_PROXY as http://user:password@host:port`
    )
  })
})

describe('a proxy that cannot be used', () => {
  test('a proxy URL that is not one: an error naming the variable, without the password', async () => {
    useProxy('http://builder:proxy-pass-Zq81@proxy host:3128')
    const client = new RegistryClient(registry.host, ALICE, mask)
    const message = await rejectionOf(() => client.checkLogin())
    expect(message).toBe(
      'HTTPS_PROXY: "http://***@proxy host:3128" is not a proxy URL: give http://host:port, or http://user:password@host:port'
    )
    expect(registry.requests()).toEqual([])
  })

  test('a proxy that is down: the network error says it was the proxy', async () => {
    const port = await freePort()
    useProxy(`http://127.0.0.1:${port}`)
    const client = new RegistryClient(registry.host, ALICE, mask, { retries: 0 })
    expect(await rejectionOf(() => client.checkLogin())).toBe(
      `${registry.host} could not be reached: ECONNREFUSED connect 127.0.0.1:${port} (through the proxy http://127.0.0.1:${port} from HTTPS_PROXY)`
    )
    expect(registry.requests()).toEqual([])
  })
})
