import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { verify, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'
import { decodeToken } from '../../__fixtures__/services/token-signing.js'

const ALICE = { username: 'alice', password: 'alice-secret-1' }
const BOB = {
  username: 'bob',
  password: 'bob-secret-2',
  repositories: ['team/*'],
  actions: ['pull']
}

let server: TokenServer
beforeAll(async () => {
  server = await startTokenServer({ users: [ALICE, BOB], refreshTokens: true, ttlSeconds: 120 })
})
afterAll(() => server?.stop())

const basic = (user: { username: string; password: string }): string =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`

async function getToken(query: string, authorization?: string) {
  const res = await fetch(`${server.realm}?${query}`, {
    headers: authorization ? { authorization } : {}
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function postToken(form: Record<string, string>) {
  const res = await fetch(server.realm, { method: 'POST', body: new URLSearchParams(form) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('token server', () => {
  test('GET with Basic credentials: an RS256 JWT the registry can verify, with the requested scope', async () => {
    const { status, body } = await getToken(
      'service=tagship-test-registry&scope=repository:team/app:pull,push&account=alice',
      basic(ALICE)
    )
    expect(status).toBe(200)
    const token = body.token as string
    expect(body).toEqual({
      token,
      access_token: token,
      expires_in: 120,
      issued_at: expect.any(String)
    })

    const { header, payload } = decodeToken(token)
    const cert = new X509Certificate(readFileSync(server.certPath))
    expect(header).toEqual({ typ: 'JWT', alg: 'RS256', x5c: [cert.raw.toString('base64')] })
    const iat = payload.iat as number
    expect(payload).toEqual({
      iss: 'tagship-test-issuer',
      sub: 'alice',
      aud: 'tagship-test-registry',
      exp: iat + 120,
      nbf: iat,
      iat,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      access: [{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }]
    })
    expect(Math.abs(iat - Date.now() / 1000)).toBeLessThan(5)
    const [h, p, signature] = token.split('.') as [string, string, string]
    expect(
      verify(
        'RSA-SHA256',
        Buffer.from(`${h}.${p}`),
        cert.publicKey,
        Buffer.from(signature, 'base64url')
      )
    ).toBe(true)
  })

  test('grants only what the user may have: listed repositories, listed actions, repository scopes', async () => {
    const scopes = [
      'repository:team/app:pull,push',
      'repository:other/app:pull',
      'registry:catalog:*'
    ]
    const query = scopes.map((s) => `scope=${encodeURIComponent(s)}`).join('&')
    const { status, body } = await getToken(`service=x&${query}`, basic(BOB))
    expect(status).toBe(200)
    expect(decodeToken(body.token as string).payload.access).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull'] }
    ])
  })

  test('no credentials: an anonymous token that grants nothing', async () => {
    const { status, body } = await getToken('service=x&scope=repository:team/app:pull')
    expect(status).toBe(200)
    expect(decodeToken(body.token as string).payload).toMatchObject({ sub: '', access: [] })
  })

  test('a wrong password or an unknown user is refused with 401', async () => {
    const wrong = await getToken('service=x', basic({ ...ALICE, password: 'nope' }))
    expect(wrong).toEqual({
      status: 401,
      body: {
        errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password', detail: null }]
      }
    })
    expect((await getToken('service=x', basic({ username: 'carol', password: 'x' }))).status).toBe(
      401
    )
  })

  test('offline_token=true returns a refresh token, and the OAuth2 POST trades it for an access token', async () => {
    const login = await getToken('service=x&offline_token=true&client_id=docker', basic(ALICE))
    const refreshToken = login.body.refresh_token as string
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{32}$/)

    const { status, body } = await postToken({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      service: 'x',
      scope: 'repository:team/app:pull repository:team/lib:push',
      client_id: 'docker'
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      access_token: expect.any(String),
      scope: 'repository:team/app:pull repository:team/lib:push',
      expires_in: 120,
      issued_at: expect.any(String)
    })
    expect(decodeToken(body.access_token as string).payload.access).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull'] },
      { type: 'repository', name: 'team/lib', actions: ['push'] }
    ])
  })

  test('the OAuth2 password grant checks the password; an unknown refresh token is refused', async () => {
    const form = { grant_type: 'password', username: 'alice', service: 'x', client_id: 'docker' }
    const ok = await postToken({ ...form, password: ALICE.password, access_type: 'offline' })
    expect(ok.status).toBe(200)
    expect(ok.body.refresh_token).toEqual(expect.any(String))
    expect(await postToken({ ...form, password: 'nope' })).toEqual({
      status: 400,
      body: { error: 'invalid_grant' }
    })
    expect(await postToken({ grant_type: 'refresh_token', refresh_token: 'forged' })).toEqual({
      status: 400,
      body: { error: 'invalid_grant' }
    })
    expect(await postToken({ grant_type: 'client_credentials' })).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type' }
    })
  })

  test('records every request, and no secret, so tests may print the records', async () => {
    server.clearRequests()
    await getToken('service=x&scope=repository:team/app:pull&account=alice', basic(ALICE))
    await postToken({
      grant_type: 'password',
      username: 'bob',
      password: BOB.password,
      service: 'x'
    })
    const records = server.requests()
    expect(records).toEqual([
      {
        method: 'GET',
        path: '/token',
        query: { service: 'x', scope: 'repository:team/app:pull', account: 'alice' },
        authorization: 'basic',
        account: 'alice',
        scopes: ['repository:team/app:pull'],
        status: 200,
        granted: [{ type: 'repository', name: 'team/app', actions: ['pull'] }]
      },
      {
        method: 'POST',
        path: '/token',
        query: {},
        form: { grant_type: 'password', username: 'bob', service: 'x' },
        authorization: 'none',
        account: 'bob',
        scopes: [],
        status: 200,
        granted: []
      }
    ])
    const printed = JSON.stringify(records)
    expect(printed).not.toContain(ALICE.password)
    expect(printed).not.toContain(BOB.password)
  })
})
