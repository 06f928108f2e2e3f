import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { startObjectStore, type StoreRecord } from './object-store.js'
import { paginateTags } from './paginate-tags.js'
import { authorizationScheme, closeServer, type RecordedRequest } from './proxy.js'

export type { StoreRecord }

/** What the proxy does to a matching request instead of passing it on. */
export type Fault =
  /**
   * Answer with this status (after reading the request body): 429 + Retry-After, 503, 405…
   * `headers` may be a function, called when the fault fires (a Retry-After date relative to then).
   */
  | {
      readonly kind: 'status'
      readonly status: number
      readonly headers?: Readonly<Record<string, string>> | (() => Record<string, string>)
      readonly body?: string
    }
  /** Close the connection without an answer (after reading the request body). */
  | { readonly kind: 'drop' }
  /**
   * Take `afterBytes` of the request body, then reset the connection (TCP RST):
   * a blob upload cut in the middle, as a load balancer or a flaky link does.
   */
  | { readonly kind: 'reset'; readonly afterBytes: number }
  /** Never answer (until the client gives up or the proxy stops): for timeouts. */
  | { readonly kind: 'stall' }
  /**
   * Pass the request on without its `Authorization`, so the real registry
   * answers its real 401 challenge: what a client meets when its token expires mid-run.
   */
  | { readonly kind: 'expire-token' }
  /**
   * Fetch the answer from the registry and, when it is a 200, keep its bytes
   * in the object store and answer 307 to them there: what ECR (S3), ACR
   * (Azure Blob) and Docker Hub (a CDN) do with blob GETs. `corrupt` flips
   * the first byte the store serves.
   */
  | { readonly kind: 'redirect-to-store'; readonly corrupt?: boolean }
  /** Pass the request on, and remove this header from the answer (`docker-content-digest`). */
  | { readonly kind: 'omit-header'; readonly header: string }
  /** Answer `GET …/tags/list` in pages (see paginate-tags.ts). */
  | { readonly kind: 'paginate-tags' }

export interface FaultRule {
  readonly method?: string
  /** Matched against the path without the query. */
  readonly path?: RegExp
  /** Matched against the raw query (an upload's `digest=sha256:…` names the blob). */
  readonly query?: RegExp
  /** Only requests with (true) or without (false) a body: tells a monolithic PUT from a closing one. */
  readonly body?: boolean
  /** Only requests whose Content-Length is at least this: a layer, not the small config blob. */
  readonly minBody?: number
  /** How many matching requests get the fault (default 1; Infinity for all). */
  readonly times?: number
  readonly fault: Fault
}

export interface FaultRecord extends Omit<RecordedRequest, 'user'> {
  /** The fault applied, or 'pass'. */
  readonly fault: Fault['kind'] | 'pass'
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
 * `429 Too Many Requests` with `Retry-After` in either of its forms (RFC 9110
 * §10.2.3): delay-seconds, or an HTTP date that many seconds after the fault fires.
 */
export function throttled(form: 'seconds' | 'date', seconds: number, status = 429): Fault {
  return {
    kind: 'status',
    status,
    headers: () => ({
      'content-type': 'application/json',
      'retry-after':
        form === 'seconds' ? String(seconds) : new Date(Date.now() + seconds * 1000).toUTCString()
    }),
    body: JSON.stringify({
      errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down (fault proxy)' }]
    })
  }
}

/**
 * A scriptable HTTP proxy in front of a loopback registry (`target`, its base
 * URL), for the failures real registries and networks produce: throttling,
 * 5xx, dropped and reset connections, stalls, expired tokens, redirects to an
 * object store that refuses any `Authorization`, missing headers. The Host
 * header is forwarded unchanged, so the registry's upload `Location`s point
 * back at the proxy.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const agent = new Agent({ keepAlive: true })
  const rules: Array<{ rule: FaultRule; left: number }> = []
  const records: Array<{ -readonly [K in keyof FaultRecord]: FaultRecord[K] }> = []
  const store = await startObjectStore()

  const forward = (
    req: IncomingMessage,
    onAnswer: (answer: IncomingMessage) => void,
    onError: (e: Error) => void,
    headers: IncomingHttpHeaders = req.headers
  ): void => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers, agent },
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
        (!rule.query || rule.query.test(record.query)) &&
        (rule.body === undefined || rule.body === hasBody(req.headers)) &&
        (rule.minBody === undefined || Number(req.headers['content-length'] ?? 0) >= rule.minBody)
    )
    const fault = entry?.rule.fault
    if (entry) entry.left--
    if (fault) record.fault = fault.kind
    const upstreamFailed = (e: Error): void => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`fault proxy: ${target} failed: ${e.message}`)
    }
    const pass = (drop?: string, headers?: IncomingHttpHeaders): void =>
      forward(
        req,
        (answer) => {
          record.status = answer.statusCode ?? 0
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, without(answer, drop))
          answer.pipe(res)
        },
        upstreamFailed,
        headers
      )

    if (!fault) return pass()
    if (fault.kind === 'omit-header') return pass(fault.header)
    if (fault.kind === 'expire-token') {
      const headers = { ...req.headers }
      delete headers.authorization
      return pass(undefined, headers)
    }
    if (fault.kind === 'paginate-tags') return paginateTags(req, res, record, target, agent)
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
            const location = store.put(Buffer.concat(chunks), fault.corrupt ?? false)
            record.status = 307
            res.writeHead(307, { location, 'content-length': 0 })
            res.end()
          })
        },
        upstreamFailed
      )
    }
    if (fault.kind === 'reset') {
      let taken = 0
      record.status = -1
      req.on('data', (chunk: Buffer) => {
        taken += chunk.length
        if (taken >= fault.afterBytes && !req.socket.destroyed) req.socket.resetAndDestroy()
      })
      // A body shorter than afterBytes is cut at its end, before any answer.
      req.on('end', () => void (req.socket.destroyed || req.socket.resetAndDestroy()))
      return
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
      const headers = typeof fault.headers === 'function' ? fault.headers() : fault.headers
      res.writeHead(fault.status, { 'content-length': Buffer.byteLength(body), ...(headers ?? {}) })
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    url: `http://${host}`,
    storeUrl: store.url,
    inject: (rule) => void rules.push({ rule, left: rule.times ?? 1 }),
    requests: () => records.map((r) => ({ ...r })),
    storeRequests: () => store.requests(),
    reset: () => {
      rules.splice(0)
      records.splice(0)
      store.reset()
    },
    stop: async () => {
      await closeServer(server)
      await store.stop()
      agent.destroy()
    }
  }
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
