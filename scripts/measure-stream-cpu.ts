// `node scripts/run-ts.mjs scripts/measure-stream-cpu.ts [--rounds=7]`: what
// streaming a blob from one registry to another costs this process, by HTTP
// stack. Two local registries (no auth, no proxies); 5 blobs of 10 MiB are
// seeded in one, then each round copies all 5 at once (session POST and
// source GET side by side, then a streamed PUT) three ways:
//   fetch   fetch's GET body through two pass-through web streams (as the
//           upload's failure watch and the transport's timer re-arm wrap it)
//           into fetch's PUT;
//   fetch0  fetch's GET body straight into fetch's PUT;
//   undici  undici's request() GET body (a Node stream) as the body of its PUT;
//           request() and fetch share one connection pool (the global
//           dispatcher), on Node 20 and 24 alike;
//   node    node:http GET piped into a node:http PUT (one keep-alive agent).
// It prints the median wall time and CPU time (user + system) of each way.
// Not part of the bench: it measures one process's stack, not tagship.
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { request } from 'undici'
import { startRegistry } from '../__fixtures__/services/registry.js'

const BLOBS = 5
const SIZE = 10 * 1024 * 1024
const REPO = 'measure/stream'

const rounds = Number(
  process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 7
)

function passThrough(source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    }
  })
}

async function openSession(base: string): Promise<string> {
  const response = await fetch(`${base}/v2/${REPO}/blobs/uploads/`, { method: 'POST' })
  await response.arrayBuffer()
  const location = response.headers.get('location')
  if (response.status !== 202 || !location) throw new Error(`POST answered ${response.status}`)
  return new URL(location, base).href
}

const withDigest = (location: string, digest: string): string =>
  `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`

const agent = new http.Agent({ keepAlive: true })

function nodeGet(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, resolve).on('error', reject)
  })
}

function nodePut(url: string, body: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'PUT',
        agent,
        headers: { 'content-length': String(SIZE), 'content-type': 'application/octet-stream' }
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      }
    )
    request.on('error', reject)
    body.pipe(request)
  })
}

async function fetchCopy(from: string, to: string, digest: string, wraps: number): Promise<void> {
  const [location, download] = await Promise.all([
    openSession(to),
    fetch(`${from}/v2/${REPO}/blobs/${digest}`)
  ])
  let body = download.body!
  for (let i = 0; i < wraps; i++) body = passThrough(body)
  const response = await fetch(withDigest(location, digest), {
    method: 'PUT',
    body,
    headers: { 'content-length': String(SIZE), 'content-type': 'application/octet-stream' },
    duplex: 'half',
    redirect: 'error',
    window: null
  } as RequestInit)
  await response.arrayBuffer()
  if (response.status !== 201) throw new Error(`PUT answered ${response.status}`)
}

async function undiciCopy(from: string, to: string, digest: string): Promise<void> {
  const [location, download] = await Promise.all([
    openSession(to),
    request(`${from}/v2/${REPO}/blobs/${digest}`)
  ])
  const response = await request(withDigest(location, digest), {
    method: 'PUT',
    body: download.body,
    headers: { 'content-length': String(SIZE), 'content-type': 'application/octet-stream' }
  })
  await response.body.dump()
  if (response.statusCode !== 201) throw new Error(`PUT answered ${response.statusCode}`)
}

async function nodeCopy(from: string, to: string, digest: string): Promise<void> {
  const [location, download] = await Promise.all([
    openSession(to),
    nodeGet(`${from}/v2/${REPO}/blobs/${digest}`)
  ])
  const status = await nodePut(withDigest(location, digest), download)
  if (status !== 201) throw new Error(`PUT answered ${status}`)
}

async function main(): Promise<void> {
  const source = await startRegistry({ auth: 'none', record: false })
  const target = await startRegistry({ auth: 'none', record: false })
  try {
    const digests: string[] = []
    for (let i = 0; i < BLOBS; i++) {
      const bytes = randomBytes(SIZE)
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      const response = await fetch(withDigest(await openSession(source.url), digest), {
        method: 'PUT',
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' }
      })
      await response.arrayBuffer()
      if (response.status !== 201) throw new Error(`seeding answered ${response.status}`)
      digests.push(digest)
    }
    const ways: Record<string, (digest: string) => Promise<void>> = {
      fetch: (d) => fetchCopy(source.url, target.url, d, 2),
      fetch0: (d) => fetchCopy(source.url, target.url, d, 0),
      undici: (d) => undiciCopy(source.url, target.url, d),
      node: (d) => nodeCopy(source.url, target.url, d)
    }
    const wall = new Map<string, number[]>()
    const cpu = new Map<string, number[]>()
    for (let round = 0; round < rounds; round++)
      for (const [name, copy] of Object.entries(ways)) {
        const cpu0 = process.cpuUsage()
        const t0 = performance.now()
        await Promise.all(digests.map(copy))
        const used = process.cpuUsage(cpu0)
        wall.set(name, [...(wall.get(name) ?? []), performance.now() - t0])
        cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1000])
      }
    const median = (xs: readonly number[]): string =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0)
    for (const name of Object.keys(ways))
      console.log(
        `${name.padEnd(6)} wall ${median(wall.get(name)!)} ms, cpu ${median(cpu.get(name)!)} ms (median of ${rounds})`
      )
  } finally {
    agent.destroy()
    await source.stop()
    await target.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
