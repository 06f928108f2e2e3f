import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { authOf, readBody, startBlobStore } from './actions-cache-blob.js'
import { closeServer } from './proxy.js'
import { removeTempDir, tempDir } from './process.js'

/**
 * The GitHub Actions cache service v2, as @actions/cache 4+ speaks to it:
 * a Twirp JSON API under ACTIONS_RESULTS_URL (`POST /twirp/github.actions.
 * results.api.v1.CacheService/<Method>`, `Authorization: Bearer
 * <ACTIONS_RUNTIME_TOKEN>`, snake_case JSON, errors as `{code, msg}`) that
 * hands out signed URLs, and the Azure Blob storage behind those URLs (Put
 * Blob, Put Block, Put Block List, Get Blob with a range, Get Blob
 * Properties), checked by a SAS-style `sig` the fixture itself minted.
 * Entries match as the service does: only entries of the same `version`
 * (hash of paths + compression), the exact key first, then the newest entry
 * whose key starts with the key, then each restore key as a prefix in order.
 */
export interface ActionsCacheOptions {
  readonly token?: string
}

export interface CacheRequest {
  readonly method: string
  /** `twirp:<Method>` or `blob:<operation>` */
  readonly operation: string
  readonly status: number
  readonly authorization: 'bearer' | 'other' | 'none'
  readonly range?: string
}

export interface CacheEntry {
  readonly id: number
  readonly key: string
  readonly version: string
  readonly finalized: boolean
  readonly size?: number
}

export interface ActionsCache {
  /** The variables a runner gives a job, pointing the library at this fixture. */
  readonly env: {
    readonly ACTIONS_RESULTS_URL: string
    readonly ACTIONS_RUNTIME_TOKEN: string
    readonly ACTIONS_CACHE_SERVICE_V2: string
    readonly GITHUB_SERVER_URL: string
  }
  readonly url: string
  requests(): readonly CacheRequest[]
  entries(): readonly CacheEntry[]
  /** Every `sig` minted for a signed URL: secrets a log must never show. */
  signatures(): readonly string[]
  /** The bytes stored for a finalized entry (the compressed archive the library uploaded). */
  archive(key: string): Promise<Buffer>
  stop(): Promise<void>
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'

interface Entry extends CacheEntry {
  finalized: boolean
  size?: number
  createdAt: number
}

export async function startActionsCache(options: ActionsCacheOptions = {}): Promise<ActionsCache> {
  const token = options.token ?? `runtime-${randomBytes(12).toString('hex')}`
  const dir = await tempDir('actions-cache')
  const entries: Entry[] = []
  const log: CacheRequest[] = []
  let origin = ''
  let clock = 0

  const store = await startBlobStore(join(dir, 'blobs'))
  const signedUrl = (blob: string, permissions: string) =>
    store.signedUrl(origin, blob, permissions)

  async function twirp(method: string, body: Record<string, unknown>): Promise<[number, object]> {
    const key = typeof body.key === 'string' ? body.key : ''
    const version = typeof body.version === 'string' ? body.version : ''
    if (key === '' || version === '')
      return [400, { code: 'invalid_argument', msg: 'key and version are required' }]
    const same = (e: Entry) => e.key === key && e.version === version
    switch (method) {
      case 'CreateCacheEntry': {
        if (entries.some(same))
          return [
            409,
            {
              code: 'already_exists',
              msg: 'cache entry with the same key, version, and scope already exists'
            }
          ]
        const id = entries.length + 1
        entries.push({ id, key, version, finalized: false, createdAt: ++clock })
        return [200, { ok: true, signed_upload_url: signedUrl(`entry-${id}`, 'cw') }]
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = entries.find((e) => same(e) && !e.finalized)
        if (!entry) return [404, { code: 'not_found', msg: 'no cache entry to finalize' }]
        const size = await stat(store.path(`entry-${entry.id}`)).then(
          (s) => s.size,
          () => -1
        )
        if (size < 0 || String(size) !== String(body.size_bytes))
          return [
            200,
            {
              ok: false,
              message: `uploaded ${size} bytes, but size_bytes is ${String(body.size_bytes)}`
            }
          ]
        entry.finalized = true
        entry.size = size
        entry.createdAt = ++clock
        return [200, { ok: true, entry_id: String(entry.id) }]
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? (body.restore_keys as string[]) : []
        const hit = match(
          entries.filter((e) => e.finalized && e.version === version),
          key,
          restoreKeys
        )
        if (!hit) return [200, { ok: false }]
        return [
          200,
          { ok: true, signed_download_url: signedUrl(`entry-${hit.id}`, 'r'), matched_key: hit.key }
        ]
      }
      default:
        return [404, { code: 'bad_route', msg: `no handler for path "${SERVICE}${method}"` }]
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const handle = async (): Promise<CacheRequest> => {
      if (!url.pathname.startsWith(SERVICE)) return store.handle(req, res, url)
      const method = url.pathname.slice(SERVICE.length)
      const reply = (status: number, body: object): CacheRequest => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
        return {
          method: req.method ?? '',
          operation: `twirp:${method}`,
          status,
          authorization: authOf(req)
        }
      }
      if (req.headers.authorization !== `Bearer ${token}`)
        return reply(401, { code: 'unauthenticated', msg: 'invalid or missing runtime token' })
      if (
        req.method !== 'POST' ||
        !String(req.headers['content-type']).startsWith('application/json')
      )
        return reply(415, { code: 'bad_route', msg: 'only POST application/json is served' })
      let body: Record<string, unknown>
      try {
        body = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>
      } catch {
        return reply(400, { code: 'malformed', msg: 'the body is not JSON' })
      }
      const [status, answer] = await twirp(method, body)
      return reply(status, answer)
    }
    handle().then(
      (entry) => log.push(entry),
      (error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(error))
      }
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    env: {
      ACTIONS_RESULTS_URL: `${origin}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      GITHUB_SERVER_URL: 'https://github.com'
    },
    url: origin,
    requests: () => [...log],
    signatures: () => store.signatures(),
    entries: () =>
      entries.map(({ id, key, version, finalized, size }) => ({
        id,
        key,
        version,
        finalized,
        ...(size !== undefined ? { size } : {})
      })),
    archive: async (key) => {
      const entry = entries.find((e) => e.key === key && e.finalized)
      if (!entry) throw new Error(`no finalized cache entry ${key}`)
      return readFile(store.path(`entry-${entry.id}`))
    },
    stop: async () => {
      await closeServer(server)
      await removeTempDir(dir)
    }
  }
}

/** The service's lookup order: exact key, newest prefix match of key, then each restore key's newest prefix match. */
function match(
  candidates: Entry[],
  key: string,
  restoreKeys: readonly string[]
): Entry | undefined {
  const newest = (prefix: string) =>
    candidates.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0]
  return (
    candidates.find((e) => e.key === key) ?? newest(key) ?? restoreKeys.map(newest).find(Boolean)
  )
}
