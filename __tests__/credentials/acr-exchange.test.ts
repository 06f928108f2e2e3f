import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startAcrExchange, type AcrExchange } from '../../__fixtures__/services/acr-exchange.js'
import { closeServer } from '../../__fixtures__/services/github-oidc.js'

/**
 * The ACR fixture's own contract, for whoever puts it in front of a registry:
 * refresh tokens work at /oauth2/token both ways docker uses, registry tokens
 * come from `signToken`, and everything else reaches `upstream` unchanged.
 */
const HOST = 'acme.azurecr.io'
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()))
})

async function start(options: Partial<Parameters<typeof startAcrExchange>[0]> = {}) {
  const acr = await startAcrExchange({
    service: HOST,
    tenantId: TENANT,
    trusts: { issued: ['entra-access-token'] },
    ...options
  })
  cleanup.push(acr.close)
  return acr
}

async function refreshTokenFrom(acr: AcrExchange): Promise<string> {
  const res = await fetch(`${acr.url}/oauth2/exchange`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'access_token',
      service: HOST,
      tenant: TENANT,
      access_token: 'entra-access-token'
    })
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { refresh_token: string }).refresh_token
}

describe('ACR exchange fixture', () => {
  it('trades a refresh token for a registry token from signToken, by POST and by Basic GET', async () => {
    const scopesSeen: (readonly string[])[] = []
    const acr = await start({
      signToken: (scopes) => {
        scopesSeen.push(scopes)
        return `registry-token-${scopesSeen.length}`
      }
    })
    const refreshToken = await refreshTokenFrom(acr)

    const post = await fetch(`${acr.url}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams([
        ['grant_type', 'refresh_token'],
        ['service', HOST],
        ['scope', 'repository:app:pull,push'],
        ['scope', 'repository:base:pull'],
        ['refresh_token', refreshToken]
      ])
    })
    const basic = Buffer.from(`00000000-0000-0000-0000-000000000000:${refreshToken}`).toString(
      'base64'
    )
    const get = await fetch(`${acr.url}/oauth2/token?service=${HOST}&scope=repository:app:pull`, {
      headers: { authorization: `Basic ${basic}` }
    })
    const wrong = await fetch(`${acr.url}/oauth2/token?service=${HOST}&scope=repository:app:pull`, {
      headers: { authorization: `Basic ${Buffer.from('someone:guess').toString('base64')}` }
    })

    expect([post.status, await post.json()]).toEqual([
      200,
      { access_token: 'registry-token-1', token: 'registry-token-1' }
    ])
    expect([get.status, await get.json()]).toEqual([
      200,
      { access_token: 'registry-token-2', token: 'registry-token-2' }
    ])
    expect([wrong.status, await wrong.json()]).toEqual([
      401,
      { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] }
    ])
    expect(scopesSeen).toEqual([
      ['repository:app:pull,push', 'repository:base:pull'],
      ['repository:app:pull']
    ])
  })

  it('proxies every other request to upstream with its method, Host header and body', async () => {
    const seen: string[] = []
    const upstream = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} host=${req.headers.host} body=${body}`)
        res.writeHead(201, {
          location: `/v2/app/blobs/uploads/1`,
          'docker-distribution-api-version': 'registry/2.0'
        })
        res.end()
      })
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => closeServer(upstream))
    const acr = await start({
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    })

    const res = await fetch(`${acr.url}/v2/app/blobs/uploads/?mount=sha256:abc`, {
      method: 'POST',
      body: 'layer'
    })

    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/v2/app/blobs/uploads/1')
    expect(seen).toEqual([
      `POST /v2/app/blobs/uploads/?mount=sha256:abc host=${new URL(acr.url).host} body=layer`
    ])
  })
})
