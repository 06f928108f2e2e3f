import { createHash } from 'node:crypto'
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizationScheme, closeServer, type RecordedRequest } from './proxy.js'
import { startRegistry, type Registry, type RegistryOptions } from './registry.js'

/** A descriptor as the referrers API lists it. */
export interface ListedReferrer {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
  readonly artifactType?: string
  readonly annotations?: Record<string, string>
}

export interface ReferrersRegistry extends Registry {
  /** What the API lists for `subject` in `repo`, in push order. */
  listed(repo: string, subject: string): ListedReferrer[]
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const REFERRERS = /^\/v2\/(.+)\/referrers\/([^/]+)$/
const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/

/**
 * A Distribution registry (no referrers API of its own) behind a proxy that
 * adds the distribution spec v1.1 referrers API: a manifest PUT with a
 * `subject` is answered with `OCI-Subject` and listed; `GET
 * /v2/<name>/referrers/<digest>` answers an index (empty when none), filtered
 * by `?artifactType=` with `OCI-Filters-Applied`; deleting a manifest by
 * digest unlists it. Everything else, auth challenges included, passes
 * unchanged, and a referrers GET needs what pulling the repository needs.
 * Requests are recorded as startRegistry's are.
 */
export async function startReferrersRegistry(options: RegistryOptions): Promise<ReferrersRegistry> {
  const registry = await startRegistry({ ...options, record: false })
  const upstream = new URL(registry.url)
  const agent = new Agent({ keepAlive: true })
  const lists = new Map<string, ListedReferrer[]>()
  const records: Array<{ -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }> = []

  /** Send to the registry (the client's body, or `body`); `answer` gets the response. */
  const forward = (
    req: IncomingMessage,
    path: string,
    body: Buffer | undefined,
    answer: (response: IncomingMessage) => void
  ) =>
    new Promise<void>((resolve, reject) => {
      const headers = { ...req.headers, ...(body ? { 'content-length': `${body.length}` } : {}) }
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path, headers, agent },
        (response) => {
          answer(response)
          response.on('end', resolve)
        }
      )
      out.on('error', reject)
      if (body) out.end(body)
      else req.pipe(out)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse, record: { status: number }) => {
    const url = new URL(req.url ?? '/', 'http://proxy')
    const referrers = REFERRERS.exec(url.pathname)
    if (referrers && req.method === 'GET') {
      // The registry decides who may pull: ask it for the repository's tag list.
      let refused = false
      await forward(req, `/v2/${referrers[1]}/tags/list`, Buffer.alloc(0), (probe) => {
        refused = probe.statusCode === 401 || probe.statusCode === 403
        if (refused) relay(probe, res, record)
        else probe.resume()
      })
      if (refused) return
      const filter = url.searchParams.get('artifactType')
      const all = lists.get(`${referrers[1]} ${referrers[2]}`) ?? []
      const manifests = filter === null ? all : all.filter((d) => d.artifactType === filter)
      record.status = 200
      res.writeHead(200, {
        'content-type': OCI_INDEX,
        ...(filter === null ? {} : { 'oci-filters-applied': 'artifactType' })
      })
      res.end(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }))
      return
    }
    const manifest = MANIFEST.exec(url.pathname)
    const body = manifest && req.method === 'PUT' ? await readBody(req) : undefined
    await forward(req, req.url ?? '/', body, (answer) => {
      const listed = body && answer.statusCode === 201 ? describe(body) : undefined
      if (manifest && listed) {
        const key = `${manifest[1]} ${listed.subject}`
        const others = (lists.get(key) ?? []).filter((d) => d.digest !== listed.descriptor.digest)
        lists.set(key, [...others, listed.descriptor])
      }
      if (manifest && req.method === 'DELETE' && answer.statusCode === 202)
        for (const [key, list] of lists)
          if (key.startsWith(`${manifest[1]} `))
            lists.set(
              key,
              list.filter((d) => d.digest !== manifest[2])
            )
      relay(answer, res, record, listed ? ['OCI-Subject', listed.subject] : [])
    })
  }

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const record = {
      method: req.method ?? '',
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      authorization: authorizationScheme(req.headers.authorization),
      status: 0
    }
    records.push(record)
    handle(req, res, record).catch((e: Error) => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`referrers proxy: ${e.message}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    ...registry,
    host,
    url: `http://${host}`,
    requests: () => records.map((r) => ({ ...r })),
    clearRequests: () => void records.splice(0),
    listed: (repo, subject) => [...(lists.get(`${repo} ${subject}`) ?? [])],
    stop: async () => {
      await closeServer(server)
      agent.destroy()
      await registry.stop()
    }
  }
}

function relay(
  answer: IncomingMessage,
  res: ServerResponse,
  record: { status: number },
  extra: string[] = []
): void {
  record.status = answer.statusCode ?? 502
  res.writeHead(record.status, answer.statusMessage, [...answer.rawHeaders, ...extra])
  answer.pipe(res)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The subject of a manifest, and how the API lists it (`artifactType`, else the config's type). */
function describe(body: Buffer): { subject: string; descriptor: ListedReferrer } | undefined {
  type Json = {
    mediaType?: string
    artifactType?: string
    subject?: { digest?: unknown }
    config?: { mediaType?: unknown }
    annotations?: Record<string, string>
  }
  let json: Json
  try {
    json = JSON.parse(body.toString('utf8')) as Json
  } catch {
    return undefined
  }
  const subject = json.subject?.digest
  if (typeof subject !== 'string') return undefined
  const artifactType = json.artifactType ?? json.config?.mediaType
  return {
    subject,
    descriptor: {
      mediaType: json.mediaType ?? '',
      digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
      size: body.length,
      ...(typeof artifactType === 'string' ? { artifactType } : {}),
      ...(json.annotations ? { annotations: json.annotations } : {})
    }
  }
}
