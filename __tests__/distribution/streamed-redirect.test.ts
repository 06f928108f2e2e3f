import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { RegistryClient } from '../../src/distribution/client.js'

// A streamed body goes out with fetch's redirect mode 'error' (so fetch does not
// clone the request and keep a copy of every byte); a redirect must still end
// in the error that names the request, as when the mode was 'manual'.
const UPLOAD = '/v2/acme/app/blobs/uploads/session-1?digest=sha256%3Aabc'

function bytes(): ReadableStream<Uint8Array> {
  return new Blob(['layer bytes']).stream()
}

async function failure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected a failure')
}

describe('a streamed upload answered with a redirect', () => {
  let server: Server
  let host: string
  const seen: string[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`)
        if (req.method === 'GET') return void res.writeHead(200).end('{}')
        const status = Number(/status=(\d+)/.exec(req.url ?? '')?.[1] ?? 307)
        res.writeHead(status, status === 302 ? {} : { location: '/v2/acme/app/elsewhere' }).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test.each([
    [307, '&status=307'],
    [308, '&status=308'],
    [302, '&status=302']
  ])('%i: one clear error, the body sent once, the redirect not followed', async (_, query) => {
    const client = new RegistryClient(host, undefined, () => undefined, { retries: 0 })
    // The first request finds out the registry speaks plain HTTP.
    const probe = await client.request('/v2/')
    await probe.body?.cancel()
    seen.length = 0
    const error = await failure(() =>
      client.request(`${UPLOAD}${query}`, { method: 'PUT', body: bytes() })
    )
    expect([error.name, error.message]).toEqual([
      'RegistryUnreachableError',
      `${host} could not be reached: PUT /v2/acme/app/blobs/uploads/session-1 was redirected, ` +
        'and a streamed body cannot be sent twice'
    ])
    expect(seen).toEqual([`PUT ${UPLOAD}${query}`])
  })

  test("init.redirect 'manual' still returns the redirect itself", async () => {
    const client = new RegistryClient(host, undefined, () => undefined, { retries: 0 })
    const probe = await client.request('/v2/')
    await probe.body?.cancel()
    const response = await client.request(`${UPLOAD}&status=307`, {
      method: 'PUT',
      body: bytes(),
      redirect: 'manual'
    })
    await response.body?.cancel()
    expect([response.status, response.headers.get('location')]).toEqual([
      307,
      '/v2/acme/app/elsewhere'
    ])
  })
})
