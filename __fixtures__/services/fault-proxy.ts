import { randomBytes } from 'node:crypto'
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizationScheme, closeServer, type RecordedRequest } from './proxy.js'

/** What the proxy does to a matching request instead of passing it on. */
export type Fault =
  /** Answer with this status (after reading the request body): 429 + Retry-After, 503, 405… */
  | {
      readonly kind: 'status'
      readonly status: number
      readonly headers?: Readonly<Record<string, string>>
      readonly body?: string
    }
  /** Close the connection without an answer (after reading the request body). */
  | { readonly kind: 'drop' }
  /** Never answer (until the client gives up or the proxy stops): for timeouts. */
  | { readonly kind: 'stall' }
  /**
   * Fetch the answer from the registry and, when it is a 200, keep its bytes
   * in the object store and answer 307 to them there: what ECR (S3), ACR
   * (Azure Blob) and Docker Hub (a CDN) do with blob GETs. `corrupt` flips
   * the first byte the store serves.
   */
  | { readonly kind: 'redirect-to-store'; readonly corrupt?: boolean }
  /** Pass the request on, and remove this header from the answer (`docker-content-digest`). */
  | { readonly kind: 'omit-header'; readonly header: string }
  /**
   * Answer `GET …/tags/list` in pages, as the spec describes and ECR and
   * Distribution 3 do: tags in lexical order, at most `n`, after `last`, and
   * `Link: <…?last=…&n=…>; rel="next"` while more remain. (Distribution
   * 2.8.2 ignores `n` and `last` and returns every tag, unsorted.)
   */
  | { readonly kind: 'paginate-tags' }

export interface FaultRule {
  readonly method?: string
  /** Matched against the path without the query. */
  readonly path?: RegExp
  /** Only requests with (true) or without (false) a body: tells a monolithic PUT from a closing one. */
  readonly body?: boolean
  /** How many matching requests get the fault (default 1; Infinity for all). */
  readonly times?: number
  readonly fault: Fault
}

export interface FaultRecord extends Omit<RecordedRequest, 'user'> {
  /** The fault applied, or 'pass'. */
  readonly fault: Fault['kind'] | 'pass'
}

export interface StoreRecord {
  readonly method: string
  readonly path: string
  readonly authorization: RecordedRequest['authorization']
  readonly status: number
}

export interface FaultProxy {
  /** `127.0.0.1:PORT`: use it as the registry host. */
  readonly host: string
  readonly url: string
  /** The object store's origin (another port, so another origin). */
  readonly storeUrl: string
  /** Add a rule; the first rule with requests left that matches a request applies. */
  inject(rule: FaultRule): void
  /** Every request that reached the proxy, in arrival order. */
  requests(): FaultRecord[]
  /** Every request that reached the object store. */
  storeRequests(): StoreRecord[]
  /** Forget the rules and the records. */
  reset(): void
  stop(): Promise<void>
}

/** Refuse monolithic blob uploads (a PUT with a body), as registries that want PATCH chunks do. */
export function refuseMonolithicUploads(): FaultRule {
  return {
    method: 'PUT',
    path: /\/blobs\/uploads\//,
    body: true,
    times: Infinity,
    fault: {
      kind: 'status',
      status: 405,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        errors: [{ code: 'UNSUPPORTED', message: 'monolithic uploads are not supported' }]
      })
    }
  }
}

/**
 * A scriptable HTTP proxy in front of a loopback registry (`target`, its base
 * URL), for the failures real registries and networks produce: throttling,
 * 5xx, dropped connections, redirects to an object store that refuses any
 * `Authorization`, missing headers. The Host header is forwarded unchanged,
 * so the registry's upload `Location`s point back at the proxy.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const agent = new Agent({ keepAlive: true })
  const rules: Array<{ rule: FaultRule; left: number }> = []
  const records: Array<{ -readonly [K in keyof FaultRecord]: FaultRecord[K] }> = []
  const storeRecords: StoreRecord[] = []
  const stored = new Map<string, { bytes: Buffer; corrupt: boolean }>()

  const store = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!
    const authorization = authorizationScheme(req.headers.authorization)
    const answer = (status: number, body: Buffer | string, type: string): void => {
      storeRecords.push({ method: req.method ?? '', path, authorization, status })
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    req.resume()
    // S3 and Azure Blob refuse a request that carries a second auth mechanism.
    if (authorization !== 'none')
      return answer(
        400,
        '<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>',
        'application/xml'
      )
    const blob = stored.get(path)
    if (!blob) return answer(404, '<Error><Code>NoSuchKey</Code></Error>', 'application/xml')
    const bytes = Buffer.from(blob.bytes)
    if (blob.corrupt && bytes.length > 0) bytes[0] = bytes[0]! ^ 0xff
    answer(200, bytes, 'application/octet-stream')
  })
  await listen(store)
  const storeUrl = `http://127.0.0.1:${(store.address() as AddressInfo).port}`

  const forward = (
    req: IncomingMessage,
    onAnswer: (answer: IncomingMessage) => void,
    onError: (e: Error) => void
  ): void => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers, agent },
      onAnswer
    )
    upstream.on('error', onError)
    req.pipe(upstream)
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    const record = {
      method: req.method ?? '',
      path,
      query: q < 0 ? '' : url.slice(q + 1),
      authorization: authorizationScheme(req.headers.authorization),
      status: 0,
      fault: 'pass' as FaultRecord['fault']
    }
    records.push(record)
    const entry = rules.find(
      ({ rule, left }) =>
        left > 0 &&
        (!rule.method || rule.method === req.method) &&
        (!rule.path || rule.path.test(path)) &&
        (rule.body === undefined || rule.body === hasBody(req.headers))
    )
    const fault = entry?.rule.fault
    if (entry) entry.left--
    if (fault) record.fault = fault.kind
    const upstreamFailed = (e: Error): void => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`fault proxy: ${target} failed: ${e.message}`)
    }
    const pass = (drop?: string): void =>
      forward(
        req,
        (answer) => {
          record.status = answer.statusCode ?? 0
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, without(answer, drop))
          answer.pipe(res)
        },
        upstreamFailed
      )

    if (!fault) return pass()
    if (fault.kind === 'omit-header') return pass(fault.header)
    if (fault.kind === 'paginate-tags') return paginate(req, res, record, target, agent)
    if (fault.kind === 'redirect-to-store') {
      return forward(
        req,
        (answer) => {
          if (answer.statusCode !== 200) {
            record.status = answer.statusCode ?? 0
            res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
            answer.pipe(res)
            return
          }
          const chunks: Buffer[] = []
          answer.on('data', (c: Buffer) => chunks.push(c))
          answer.on('end', () => {
            const key = `/store/${randomBytes(8).toString('hex')}`
            stored.set(key, { bytes: Buffer.concat(chunks), corrupt: fault.corrupt ?? false })
            record.status = 307
            res.writeHead(307, {
              location: `${storeUrl}${key}?signature=test`,
              'content-length': 0
            })
            res.end()
          })
        },
        upstreamFailed
      )
    }
    // status and drop: take the whole request body first, so the client sees an answer, not a reset.
    req.resume()
    req.on('end', () => {
      if (fault.kind === 'stall') return
      if (fault.kind === 'drop') {
        record.status = -1
        req.socket.destroy()
        return
      }
      record.status = fault.status
      const body = fault.body ?? ''
      res.writeHead(fault.status, {
        'content-length': Buffer.byteLength(body),
        ...(fault.headers ?? {})
      })
      res.end(body)
    })
  })
  await listen(server)
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    url: `http://${host}`,
    storeUrl,
    inject: (rule) => void rules.push({ rule, left: rule.times ?? 1 }),
    requests: () => records.map((r) => ({ ...r })),
    storeRequests: () => storeRecords.map((r) => ({ ...r })),
    reset: () => {
      rules.splice(0)
      records.splice(0)
      storeRecords.splice(0)
      stored.clear()
    },
    stop: async () => {
      await closeServer(server)
      await closeServer(store)
      agent.destroy()
    }
  }
}

function paginate(
  req: IncomingMessage,
  res: ServerResponse,
  record: { status: number },
  target: string,
  agent: Agent
): void {
  const asked = new URL(req.url ?? '/', 'http://proxy')
  const n = Number(asked.searchParams.get('n') ?? 100)
  const last = asked.searchParams.get('last')
  const upstream = request(
    new URL(asked.pathname, target),
    { method: 'GET', headers: req.headers, agent },
    (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (c: Buffer) => chunks.push(c))
      answer.on('end', () => {
        record.status = answer.statusCode ?? 0
        if (answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
          res.end(Buffer.concat(chunks))
          return
        }
        const all = JSON.parse(Buffer.concat(chunks).toString()) as { name: string; tags: string[] }
        const after = [...(all.tags ?? [])].sort().filter((t) => last === null || t > last)
        const page = after.slice(0, n)
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        if (after.length > n)
          headers.link = `<${asked.pathname}?last=${encodeURIComponent(page.at(-1)!)}&n=${n}>; rel="next"`
        res.writeHead(200, headers)
        res.end(JSON.stringify({ name: all.name, tags: page }))
      })
    }
  )
  upstream.on('error', (e) => {
    record.status = 502
    res.writeHead(502, { 'content-type': 'text/plain' })
    res.end(`fault proxy: ${target} failed: ${e.message}`)
  })
  upstream.end()
  req.resume()
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined
}

/** The answer's raw headers without one header (case-insensitive). */
function without(answer: IncomingMessage, header: string | undefined): string[] {
  if (!header) return answer.rawHeaders
  const out: string[] = []
  for (let i = 0; i < answer.rawHeaders.length; i += 2)
    if (answer.rawHeaders[i]!.toLowerCase() !== header.toLowerCase())
      out.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!)
  return out
}

function listen(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
}
