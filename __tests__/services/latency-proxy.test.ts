import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http'
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net'
import { HttpRequestCounter } from '../../__fixtures__/services/http-request-counter.js'
import { startLatencyProxy, type LatencyProxy } from '../../__fixtures__/services/latency-proxy.js'
import { closeServer } from '../../__fixtures__/services/proxy.js'

// The target: an HTTP server that answers each request with what it received,
// behind a byte-counting TCP tap, so the proxy's byte counts can be checked
// against what really crossed the wire.
const http = createServer((req, res) => {
  const hash = createHash('sha256')
  let bytes = 0
  req.on('data', (c: Buffer) => {
    hash.update(c)
    bytes += c.length
  })
  req.on('end', () => {
    const body = `${req.method} ${req.url} ${bytes} ${hash.digest('hex')}`
    const close = req.headers['x-close'] === 'yes'
    res.writeHead(200, {
      'content-type': 'text/plain',
      'content-length': Buffer.byteLength(body),
      ...(close ? { connection: 'close' } : {})
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
})
const tapped = { up: 0, down: 0 }
const tap = createTcpServer((client) => {
  const upstream = connect((http.address() as AddressInfo).port, '127.0.0.1')
  client.on('data', (c: Buffer) => void (tapped.up += c.length))
  upstream.on('data', (c: Buffer) => void (tapped.down += c.length))
  client.pipe(upstream).pipe(client)
  client.on('error', () => upstream.destroy())
  upstream.on('error', () => client.destroy())
})

let proxy: LatencyProxy
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => tap.listen(0, '127.0.0.1', resolve))
  // A small window makes a 1 MiB body pause and resume the sender many times.
  proxy = await startLatencyProxy({
    targetPort: (tap.address() as AddressInfo).port,
    oneWayMs: 5,
    setupRoundTrips: 1,
    highWater: 64 * 1024
  })
})
afterAll(async () => {
  agent.destroy()
  await proxy.stop()
  await new Promise<void>((resolve) => tap.close(() => resolve()))
  await closeServer(http)
})
beforeEach(() => {
  proxy.clear()
  tapped.up = 0
  tapped.down = 0
})

function send(
  method: string,
  path: string,
  body: Buffer[] = [],
  headers: IncomingHttpHeaders = {},
  via = agent
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: proxy.port, method, path, headers, agent: via },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
      }
    )
    req.on('error', reject)
    for (const part of body) req.write(part)
    req.end()
  })
}

const digest = (parts: Buffer[]): string =>
  createHash('sha256').update(Buffer.concat(parts)).digest('hex')

describe('startLatencyProxy', () => {
  test('passes requests and answers through unchanged and counts them per direction', async () => {
    const big = [Buffer.alloc(1024 * 1024, 7)]
    const chunks = [Buffer.from('abc'), Buffer.alloc(70_000, 1), Buffer.from('z')]
    expect(await send('GET', '/v2/')).toBe(`GET /v2/ 0 ${digest([])}`)
    expect(await send('PUT', '/blob?digest=x', big, { 'content-length': String(2 ** 20) })).toBe(
      `PUT /blob?digest=x 1048576 ${digest(big)}`
    )
    // No Content-Length: node sends the body chunked.
    expect(await send('PATCH', '/upload', chunks)).toBe(`PATCH /upload 70004 ${digest(chunks)}`)
    expect(await send('HEAD', '/v2/a/manifests/1')).toBe('')

    expect(
      proxy.requests().map(({ method, target, connection }) => [method, target, connection])
    ).toEqual([
      ['GET', '/v2/', 1],
      ['PUT', '/blob?digest=x', 1],
      ['PATCH', '/upload', 1],
      ['HEAD', '/v2/a/manifests/1', 1]
    ])
    expect(proxy.counts()).toEqual({
      connections: 1,
      requests: 4,
      bytesUp: tapped.up,
      bytesDown: tapped.down
    })
    expect(tapped.up).toBeGreaterThan(1024 * 1024 + 70_004)
  })

  test('delivers the whole answer when the server closes the connection after it', async () => {
    const own = new Agent({ keepAlive: true, maxSockets: 1 })
    const answer = await send(
      'POST',
      '/close',
      [Buffer.from('hello')],
      { 'content-length': '5', 'x-close': 'yes' },
      own
    )
    expect(answer).toBe(`POST /close 5 ${digest([Buffer.from('hello')])}`)
    // The server closed that connection, so the agent opens the next one.
    expect(await send('GET', '/again', [], {}, own)).toBe(`GET /again 0 ${digest([])}`)
    own.destroy()
    const [post, get] = proxy.requests()
    expect([post?.method, post?.target, get?.method, get?.target]).toEqual([
      'POST',
      '/close',
      'GET',
      '/again'
    ])
    expect(get!.connection).toBe(post!.connection + 1)
    expect(proxy.counts()).toEqual({
      connections: 2,
      requests: 2,
      bytesUp: tapped.up,
      bytesDown: tapped.down
    })
  })
})

describe('HttpRequestCounter', () => {
  const count = (stream: string, cut: number): string[] => {
    const seen: string[] = []
    const counter = new HttpRequestCounter((m, t) => seen.push(`${m} ${t}`))
    const bytes = Buffer.from(stream, 'latin1')
    for (let i = 0; i < bytes.length; i += cut) counter.push(bytes.subarray(i, i + cut))
    return seen
  }
  const stream =
    'PUT /a HTTP/1.1\r\nContent-Length: 17\r\n\r\nGET /x HTTP/1.1\r\n' +
    'PATCH /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' +
    '5\r\nhello\r\nA;ext=1\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n' +
    '\r\nHEAD /c?d=1 HTTP/1.1\r\nHost: h\r\n\r\n'

  test.each([1, 2, 7, 1000])(
    'finds every head and skips every body when the stream comes in %i-byte chunks',
    (cut) => {
      // The PUT's 17 body bytes happen to look like a request line: they must not count.
      expect(count(stream, cut)).toEqual(['PUT /a', 'PATCH /b', 'HEAD /c?d=1'])
    }
  )
})
