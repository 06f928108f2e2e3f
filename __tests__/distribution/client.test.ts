import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startFaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { freePort } from '../../__fixtures__/services/ports.js'
import {
  startExpiringProxy,
  type ExpiringProxy
} from '../../__fixtures__/services/expiring-proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { rejectionOf } from '../../__fixtures__/errors.js'

const ALICE = { username: 'alice', password: 'alice-pass-42', repositories: ['team/*'] }
const masked: string[] = []
const mask = (s: string): void => void masked.push(s)

async function status(
  client: RegistryClient,
  path: string,
  scopes: string[] = []
): Promise<number> {
  const res = await client.request(path, {}, scopes)
  await res.body?.cancel()
  return res.status
}

describe('RegistryClient against a registry without auth', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
  })
  afterAll(() => registry?.stop())

  test('anonymous requests pass and the login check succeeds', async () => {
    const client = new RegistryClient(registry.host, undefined, mask)
    // TLS first; a loopback registry answering plain HTTP is then used over http.
    expect(client.baseUrl).toBe(`https://${registry.host}`)
    await client.checkLogin()
    expect(client.baseUrl).toBe(`http://${registry.host}`)
    expect(await status(client, '/v2/_catalog')).toBe(200)
  })
})

describe('RegistryClient against an htpasswd (Basic) registry', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  })
  afterAll(() => registry?.stop())

  test('answers the Basic challenge once, then sends Basic up front', async () => {
    registry.clearRequests()
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    expect(await status(client, '/v2/team/app/tags/list')).toBe(404)
    expect(registry.requests().map((r) => [r.method, r.path, r.authorization, r.status])).toEqual([
      ['GET', '/v2/', 'none', 401],
      ['GET', '/v2/', 'basic', 200],
      ['GET', '/v2/team/app/tags/list', 'basic', 404]
    ])
  })

  test('a wrong password and no credentials are told apart', async () => {
    const wrong = new RegistryClient(registry.host, { ...ALICE, password: 'nope' }, mask)
    expect(await rejectionOf(() => wrong.checkLogin())).toBe(
      `${registry.host} rejected the credentials: the credentials were refused`
    )
    const anonymous = new RegistryClient(registry.host, undefined, mask)
    expect(await rejectionOf(() => anonymous.checkLogin())).toBe(
      `${registry.host} rejected the credentials: it needs credentials and none were given`
    )
  })
})

describe('RegistryClient against a token-auth (Bearer) registry', () => {
  let registry: Registry
  let proxy: ExpiringProxy
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users: [ALICE] })
    proxy = await startExpiringProxy(registry.url)
  })
  afterAll(async () => {
    await proxy?.stop()
    await registry?.stop()
  })

  test('gets a token for the scopes from the realm, masks it, and reuses it', async () => {
    masked.length = 0
    registry.tokenServer!.clearRequests()
    const client = new RegistryClient(proxy.host, ALICE, mask)
    const scopes = ['repository:team/app:pull,push']
    expect(await status(client, '/v2/team/app/tags/list', scopes)).toBe(404)
    expect(await status(client, '/v2/team/app/manifests/1', scopes)).toBe(404)
    const asked = registry.tokenServer!.requests()
    expect(asked.map((r) => [r.account, r.scopes, r.status])).toEqual([
      ['alice', ['repository:team/app:pull,push'], 200]
    ])
    expect(masked).toHaveLength(1)
    expect(masked[0]).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  test('once Bearer is known, a new scope set gets its token up front, one for concurrent requests', async () => {
    const client = new RegistryClient(registry.host, ALICE, mask)
    await client.checkLogin()
    registry.tokenServer!.clearRequests()
    registry.clearRequests()
    const scopes = ['repository:team/other:pull,push']
    const answers = await Promise.all(
      [1, 2, 3].map((n) => status(client, `/v2/team/other/manifests/${n}`, scopes))
    )
    expect(answers).toEqual([404, 404, 404])
    expect(registry.tokenServer!.requests().map((r) => [r.scopes, r.status])).toEqual([
      [['repository:team/other:pull,push'], 200]
    ])
    expect(registry.requests().map((r) => [r.method, r.authorization, r.status])).toEqual([
      ['GET', 'bearer', 404],
      ['GET', 'bearer', 404],
      ['GET', 'bearer', 404]
    ])
  })

  test('a 401 mid-run (an expired token) authenticates again once and carries on', async () => {
    registry.tokenServer!.clearRequests()
    const client = new RegistryClient(proxy.host, ALICE, mask)
    const scopes = ['repository:team/app:pull']
    expect(await status(client, '/v2/team/app/tags/list', scopes)).toBe(404)
    proxy.expireNext()
    expect(await status(client, '/v2/team/app/tags/list', scopes)).toBe(404)
    expect(registry.tokenServer!.requests().map((r) => r.status)).toEqual([200, 200])
  })

  test('a repository outside the grant stays refused after the one retry', async () => {
    const client = new RegistryClient(proxy.host, ALICE, mask)
    expect(await status(client, '/v2/other/app/tags/list', ['repository:other/app:pull'])).toBe(401)
  })

  test('rejected credentials at the token service', async () => {
    const client = new RegistryClient(proxy.host, { ...ALICE, password: 'wrong' }, mask)
    expect(await rejectionOf(() => client.checkLogin())).toBe(
      `${proxy.host} rejected the credentials: its token service answered 401`
    )
  })
})

test('an unreachable registry says so, with the reason, after the retries', async () => {
  const port = await freePort()
  const delays: number[] = []
  const client = new RegistryClient(`127.0.0.1:${port}`, undefined, mask, {
    sleep: async (ms) => void delays.push(ms),
    random: () => 0
  })
  expect(await rejectionOf(() => client.checkLogin())).toBe(
    `127.0.0.1:${port} could not be reached: ECONNREFUSED connect 127.0.0.1:${port}; gave up after 4 retries: run the step again, or raise retries or request-timeout`
  )
  expect(delays).toEqual([250, 500, 1000, 2000])
})

test('a request that gets no answer in time fails as unreachable', async () => {
  const proxy = await startFaultProxy('http://127.0.0.1:1')
  try {
    proxy.inject({ fault: { kind: 'stall' } })
    const client = new RegistryClient(proxy.host, undefined, mask, { timeoutMs: 100, retries: 0 })
    expect(await rejectionOf(() => client.checkLogin())).toBe(
      `${proxy.host} could not be reached: GET /v2/ got no answer within 0.1 s`
    )
  } finally {
    await proxy.stop()
  }
})
