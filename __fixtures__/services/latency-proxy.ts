import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { HttpRequestCounter } from './http-request-counter.js'

export interface LatencyProxyOptions {
  /** Where the bytes go: a loopback port (a registry, or the recording proxy in front of one). */
  readonly targetPort: number
  /** Delay added to every byte in each direction: 25 ms each way makes a 50 ms round trip. */
  readonly oneWayMs: number
  /**
   * Round trips a new connection costs before its first byte is forwarded: 1 for
   * TCP's handshake, 2 for TCP + TLS 1.3 (what an HTTPS registry costs). Default 0.
   */
  readonly setupRoundTrips?: number
  /**
   * Bytes held per direction before the sender is paused (default 16 MiB): the
   * window of a long fat pipe. Throughput is capped at highWater / oneWayMs.
   */
  readonly highWater?: number
}

/** One HTTP/1.1 request head seen going upstream. */
export interface ProxiedRequest {
  readonly method: string
  /** As on the request line, query included. */
  readonly target: string
  /** Which client connection carried it (1, 2, … in accept order; clear() does not restart it). */
  readonly connection: number
  /** ms since the proxy started (or since clear()), when its head arrived from the client. */
  readonly at: number
}

export interface LatencyCounts {
  /** Client connections accepted. */
  readonly connections: number
  /** HTTP requests the clients sent (heads parsed from the client-to-server bytes). */
  readonly requests: number
  /** Bytes from clients to the target (request heads and bodies). */
  readonly bytesUp: number
  /** Bytes from the target back to clients. */
  readonly bytesDown: number
}

export interface LatencyProxy {
  readonly port: number
  /** `127.0.0.1:PORT` */
  readonly host: string
  readonly url: string
  counts(): LatencyCounts
  requests(): ProxiedRequest[]
  /** Zero the counts and forget the requests (open connections keep counting). */
  clear(): void
  stop(): Promise<void>
}

/**
 * A TCP proxy that delays every byte by `oneWayMs` in each direction, so a
 * loopback registry answers as if it were across the internet (hosted runners
 * see about 50 ms to Docker Hub, ECR or ACR). It works below HTTP, so it does
 * not change a byte (the Host header and the registry's absolute upload
 * Locations keep naming the proxy) and it delays connection reuse, 401
 * challenges and parallel requests exactly as a real network would. It only
 * reads the client-to-server bytes to count requests.
 */
export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const highWater = options.highWater ?? 16 * 2 ** 20
  const setupMs = 2 * options.oneWayMs * (options.setupRoundTrips ?? 0)
  let epoch = performance.now()
  let counts = { connections: 0, requests: 0, bytesUp: 0, bytesDown: 0 }
  let requests: ProxiedRequest[] = []
  const sockets = new Set<Socket>()
  let lastId = 0

  const server = createServer((client) => {
    counts.connections++
    const id = ++lastId
    const accepted = performance.now()
    const upstream = connect({ host: '127.0.0.1', port: options.targetPort })
    sockets.add(client)
    sockets.add(upstream)
    const counter = new HttpRequestCounter((method, target) => {
      counts.requests++
      requests.push({ method, target, connection: id, at: performance.now() - epoch })
    })
    // A reset or error on either side ends both; a clean end (FIN) is passed on, delayed.
    const abort = (): void => {
      client.destroy()
      upstream.destroy()
    }
    for (const s of [client, upstream]) {
      s.on('error', abort)
      s.on('close', () => sockets.delete(s))
    }
    delayPipe(client, upstream, {
      delayMs: options.oneWayMs,
      notBefore: accepted + setupMs,
      highWater,
      onChunk: (chunk) => {
        counts.bytesUp += chunk.length
        counter.push(chunk)
      },
      onAbort: abort
    })
    delayPipe(upstream, client, {
      delayMs: options.oneWayMs,
      notBefore: 0,
      highWater,
      onChunk: (chunk) => void (counts.bytesDown += chunk.length),
      onAbort: abort
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    requests: () => [...requests],
    clear: () => {
      epoch = performance.now()
      counts = { connections: 0, requests: 0, bytesUp: 0, bytesDown: 0 }
      requests = []
    },
    stop: () => stopServer(server, sockets)
  }
}

interface DelayOptions {
  readonly delayMs: number
  /** No byte leaves before this performance.now() time (connection set-up). */
  readonly notBefore: number
  readonly highWater: number
  readonly onChunk: (chunk: Buffer) => void
  /** `from` closed without a clean end: drop the pair. */
  readonly onAbort: () => void
}

/**
 * Forward `from` to `to`, each chunk `delayMs` after it arrived, in order. The
 * sender is paused while `highWater` bytes wait (or `to` pushes back), so
 * memory stays bounded when gigabytes go through.
 */
function delayPipe(from: Socket, to: Socket, options: DelayOptions): void {
  const queue: Array<{ due: number; chunk: Buffer }> = []
  let queued = 0
  let ended = false
  let timer: NodeJS.Timeout | undefined
  let blocked = false

  const flush = (): void => {
    timer = undefined
    const now = performance.now()
    while (queue.length > 0 && queue[0]!.due <= now && !blocked) {
      const { chunk } = queue.shift()!
      queued -= chunk.length
      if (!to.write(chunk)) {
        blocked = true
        to.once('drain', () => {
          blocked = false
          flush()
        })
      }
    }
    if (queued < options.highWater && !blocked) from.resume()
    if (queue.length > 0) {
      if (!blocked) schedule()
    } else if (ended) {
      to.end()
    }
  }
  const schedule = (): void => {
    if (timer || queue.length === 0) return
    timer = setTimeout(flush, Math.max(0, queue[0]!.due - performance.now()))
  }

  from.on('data', (chunk: Buffer) => {
    options.onChunk(chunk)
    const now = performance.now()
    const due = Math.max(now, options.notBefore) + options.delayMs
    // Nothing to wait for (no delay, nothing queued): write now, not on the next timer tick.
    if (due <= now && queue.length === 0 && !blocked) {
      if (!to.write(chunk)) {
        from.pause()
        to.once('drain', () => from.resume())
      }
      return
    }
    queue.push({ due, chunk })
    queued += chunk.length
    if (queued >= options.highWater) from.pause()
    schedule()
  })
  from.on('end', () => {
    ended = true
    if (queue.length === 0) to.end()
  })
  from.on('close', () => {
    if (ended) return
    clearTimeout(timer)
    options.onAbort()
  })
}

function stopServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((e) => (e ? reject(e) : resolve()))
    for (const s of sockets) s.destroy()
    sockets.clear()
  })
}
