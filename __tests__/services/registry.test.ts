import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { signRegistryToken } from '../../__fixtures__/services/token-signing.js'
import type { TokenServer } from '../../__fixtures__/services/token-server.js'

const USER = { username: 'alice', password: 'alice-secret-1', repositories: ['team/*'] }
const basic = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
const bearer = (token: string): string => `Bearer ${token}`

async function get(url: string, authorization?: string) {
  const res = await fetch(url, { headers: authorization ? { authorization } : {} })
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    body: await res.text()
  }
}

describe('registry without auth', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' })
  })
  afterAll(() => registry?.stop())

  test('answers /v2/ with 200, on 127.0.0.1, as Distribution', async () => {
    expect(registry.host).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(registry.url).toBe(`http://${registry.host}`)
    const res = await fetch(`${registry.url}/v2/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0')
    expect(await res.text()).toBe('{}')
    expect(await get(`${registry.url}/v2/_catalog`)).toEqual({
      status: 200,
      challenge: null,
      body: '{"repositories":[]}\n'
    })
  })

  test('records each request with its method, path, query and status', async () => {
    registry.clearRequests()
    await get(`${registry.url}/v2/team/app/tags/list?n=10`)
    expect(registry.requests()).toEqual([
      {
        method: 'GET',
        path: '/v2/team/app/tags/list',
        query: 'n=10',
        authorization: 'none',
        status: 404
      }
    ])
  })
})

describe('registry with htpasswd auth', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd', users: [USER] })
  })
  afterAll(() => registry?.stop())

  test('challenges with the exact Basic realm', async () => {
    expect(await get(`${registry.url}/v2/`)).toEqual({
      status: 401,
      challenge: 'Basic realm="tagship-test"',
      body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}\n'
    })
  })

  test('accepts the bcrypt password and refuses a wrong one', async () => {
    expect((await get(`${registry.url}/v2/`, basic('alice', USER.password))).status).toBe(200)
    expect((await get(`${registry.url}/v2/`, basic('alice', 'wrong'))).status).toBe(401)
    expect(registry.requests().slice(-2)).toEqual([
      {
        method: 'GET',
        path: '/v2/',
        query: '',
        authorization: 'basic',
        user: 'alice',
        status: 200
      },
      { method: 'GET', path: '/v2/', query: '', authorization: 'basic', user: 'alice', status: 401 }
    ])
  })
})

describe('registry with token auth', () => {
  let registry: Registry
  let tokens: TokenServer
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users: [USER] })
    tokens = registry.tokenServer as TokenServer
  })
  afterAll(() => registry?.stop())

  const token = async (scope: string, password = USER.password) => {
    const url = `${tokens.realm}?service=${tokens.service}&scope=${encodeURIComponent(scope)}`
    const res = await fetch(url, { headers: { authorization: basic('alice', password) } })
    return { status: res.status, token: ((await res.json()) as { token?: string }).token ?? '' }
  }

  test('challenges with the Bearer realm and service, and the scope on a repository', async () => {
    const realm = `realm="${tokens.realm}",service="tagship-test-registry"`
    expect((await get(`${registry.url}/v2/`)).challenge).toBe(`Bearer ${realm}`)
    expect(await get(`${registry.url}/v2/team/app/manifests/1`)).toMatchObject({
      status: 401,
      challenge: `Bearer ${realm},scope="repository:team/app:pull"`
    })
  })

  test('accepts a token from the token server for the repository it names', async () => {
    const { status, token: jwt } = await token('repository:team/app:pull,push')
    expect(status).toBe(200)
    expect((await get(`${registry.url}/v2/`, bearer(jwt))).status).toBe(200)
    // Past auth, the registry looks for the tag: unknown, since nothing was pushed.
    const manifest = await get(`${registry.url}/v2/team/app/manifests/1`, bearer(jwt))
    expect(manifest.status).toBe(404)
    expect(JSON.parse(manifest.body)).toMatchObject({ errors: [{ code: 'MANIFEST_UNKNOWN' }] })
    expect(registry.requests().at(-1)).toEqual({
      method: 'GET',
      path: '/v2/team/app/manifests/1',
      query: '',
      authorization: 'bearer',
      user: 'alice',
      status: 404
    })
  })

  test('refuses a token for another repository with insufficient_scope', async () => {
    const { token: jwt } = await token('repository:team/other:pull,push')
    const res = await get(`${registry.url}/v2/team/app/manifests/1`, bearer(jwt))
    expect(res.status).toBe(401)
    expect(res.challenge).toBe(
      `Bearer realm="${tokens.realm}",service="tagship-test-registry",scope="repository:team/app:pull",error="insufficient_scope"`
    )
  })

  test('the token server grants nothing outside the user’s repositories, and refuses a wrong password', async () => {
    const { token: jwt } = await token('repository:elsewhere/app:pull')
    expect((await get(`${registry.url}/v2/elsewhere/app/manifests/1`, bearer(jwt))).status).toBe(
      401
    )
    expect((await token('repository:team/app:pull', 'wrong')).status).toBe(401)
  })

  test('refuses an expired token and one signed for another service', async () => {
    const sign = (claims: { audience?: string; now?: Date }) =>
      signRegistryToken(tokens.identity, {
        issuer: tokens.issuer,
        audience: claims.audience ?? tokens.service,
        subject: 'alice',
        access: [{ type: 'repository', name: 'team/app', actions: ['pull'] }],
        ttlSeconds: 60,
        ...(claims.now ? { now: claims.now } : {})
      })
    const url = `${registry.url}/v2/team/app/manifests/1`
    expect((await get(url, bearer(sign({})))).status).toBe(404)
    expect((await get(url, bearer(sign({ now: new Date(Date.now() - 3_600_000) })))).status).toBe(
      401
    )
    expect((await get(url, bearer(sign({ audience: 'another-registry' })))).status).toBe(401)
  })
})
