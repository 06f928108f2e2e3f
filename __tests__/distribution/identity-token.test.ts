import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'
import { fetchBearerToken } from '../../src/distribution/auth.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { CredentialsRejectedError } from '../../src/distribution/errors.js'

/**
 * An identity token (username `<token>`, Docker's convention) is an OAuth2
 * refresh token: the registry client trades it at the token service in the
 * OAuth2 POST form (grant_type=refresh_token), never as a password.
 */
const ALICE = { username: 'alice', password: 'identity-alice-password' }
const cleanup = new Cleanup()
let tokens: TokenServer
let registry: Registry
let refreshToken: string
let htpasswd: Registry

beforeAll(async () => {
  tokens = await startTokenServer({ users: [ALICE], refreshTokens: true })
  cleanup.add(tokens.stop)
  registry = await startRegistry({ auth: 'token', tokenServer: tokens, users: [ALICE] })
  cleanup.add(registry.stop)
  htpasswd = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(htpasswd.stop)
  // What `docker login` does against a token service that gives refresh tokens.
  const res = await fetch(tokens.realm, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      username: ALICE.username,
      password: ALICE.password,
      service: tokens.service,
      client_id: 'docker',
      access_type: 'offline'
    })
  })
  refreshToken = ((await res.json()) as { refresh_token: string }).refresh_token
  expect(refreshToken).toMatch(/^[\w-]{20,}$/)
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

const identity = (token: string) => ({ username: '<token>', password: token })
const masked: string[] = []
const mask = (secret: string) => void masked.push(secret)

describe('fetchBearerToken with an identity token', () => {
  test('POSTs the OAuth2 form and gets an access token for the scopes', async () => {
    tokens.clearRequests()
    const token = await fetchBearerToken({
      registry: registry.host,
      challenge: { scheme: 'bearer', params: { realm: tokens.realm, service: tokens.service } },
      scopes: ['repository:acme/app:pull,push'],
      credentials: identity(refreshToken),
      mask
    })
    expect(masked).toContain(token)
    expect(tokens.requests()).toEqual([
      {
        method: 'POST',
        path: '/token',
        query: {},
        form: {
          grant_type: 'refresh_token',
          client_id: 'tagship',
          service: tokens.service,
          scope: 'repository:acme/app:pull,push'
        },
        authorization: 'none',
        account: 'alice',
        scopes: ['repository:acme/app:pull,push'],
        status: 200,
        granted: [{ type: 'repository', name: 'acme/app', actions: ['pull', 'push'] }]
      }
    ])
  })

  test('an identity token the service does not know is rejected credentials', async () => {
    const ask = fetchBearerToken({
      registry: registry.host,
      challenge: { scheme: 'bearer', params: { realm: tokens.realm, service: tokens.service } },
      scopes: [],
      credentials: identity('not-a-refresh-token-of-this-service'),
      mask
    })
    await expect(ask).rejects.toThrow(CredentialsRejectedError)
    await expect(ask).rejects.toThrow(
      `${registry.host} rejected the credentials: its token service answered 400`
    )
  })
})

describe('the registry client with an identity token', () => {
  test('logs in and may push: every token came from the refresh token, none from a password', async () => {
    tokens.clearRequests()
    const client = new RegistryClient(registry.host, identity(refreshToken), mask)
    await client.checkLogin()
    const upload = await client.request('/v2/acme/app/blobs/uploads/', { method: 'POST' }, [
      'repository:acme/app:pull,push'
    ])
    await upload.body?.cancel()
    expect(upload.status).toBe(202)
    expect(
      tokens.requests().map((r) => ({
        method: r.method,
        grant: r.form?.grant_type,
        auth: r.authorization,
        status: r.status
      }))
    ).toEqual([
      { method: 'POST', grant: 'refresh_token', auth: 'none', status: 200 },
      { method: 'POST', grant: 'refresh_token', auth: 'none', status: 200 }
    ])
  })
})

test('a registry that asks for Basic credentials never gets the identity token', async () => {
  htpasswd.clearRequests()
  const client = new RegistryClient(htpasswd.host, identity(refreshToken), mask)
  await expect(client.checkLogin()).rejects.toThrow(
    `${htpasswd.host} rejected the credentials: it asks for a username and password (Basic), and an identity token is none`
  )
  expect(htpasswd.requests().map((r) => `${r.method} ${r.path} ${r.authorization}`)).toEqual([
    'GET /v2/ none'
  ])
})
