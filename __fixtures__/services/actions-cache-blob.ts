import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { CacheRequest } from './actions-cache.js'

/**
 * The Azure Blob storage behind the cache service's signed URLs, as
 * @azure/storage-blob uses it: Put Blob (one shot, `x-ms-blob-type:
 * BlockBlob`), Put Block (`?comp=block&blockid=`) and Put Block List
 * (`?comp=blocklist`, XML of block IDs) to upload; Get Blob Properties
 * (HEAD) and Get Blob with `x-ms-range`/`Range` to download. A URL is
 * `/<account>/<container>/<blob>?sv&sr&sp&se&sig`; `sig` is an HMAC the
 * store minted over permissions, expiry and path, and a request carrying
 * any `Authorization` header is refused, as Azure refuses a second auth.
 */
const ACCOUNT = 'actionscache'
const CONTAINER = 'cache'
const BLOB_VERSION = '2025-01-05'

export interface BlobStore {
  signedUrl(origin: string, blob: string, permissions: string): string
  /** Where a committed blob's bytes are. */
  path(blob: string): string
  signatures(): readonly string[]
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<CacheRequest>
}

export async function startBlobStore(dir: string): Promise<BlobStore> {
  const signingKey = randomBytes(32)
  const signatures: string[] = []
  let clock = 0
  const sign = (blob: string, permissions: string, expiry: string): string =>
    createHmac('sha256', signingKey)
      .update(`${permissions}\n${expiry}\n/${ACCOUNT}/${CONTAINER}/${blob}`)
      .digest('base64')
  const blobPath = (blob: string) => join(dir, 'committed', blob)
  const blockDir = (blob: string) => join(dir, 'blocks', blob)
  await mkdir(join(dir, 'committed'), { recursive: true })

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL
  ): Promise<CacheRequest> {
    const q = url.searchParams
    const comp = q.get('comp') ?? ''
    const operation =
      req.method === 'PUT'
        ? comp === 'block'
          ? 'PutBlock'
          : comp === 'blocklist'
            ? 'PutBlockList'
            : 'PutBlob'
        : req.method === 'HEAD'
          ? 'GetBlobProperties'
          : 'GetBlob'
    const range = req.headers['x-ms-range'] ?? req.headers.range
    const done = (status: number, code?: string): CacheRequest => {
      if (code) {
        res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
        res.end(
          req.method === 'HEAD'
            ? undefined
            : `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
        )
      }
      return {
        method: req.method ?? '',
        operation: `blob:${operation}`,
        status,
        authorization: authOf(req),
        ...(typeof range === 'string' ? { range } : {})
      }
    }
    const parts = url.pathname.split('/').filter(Boolean)
    const name = parts[2] ?? ''
    if (parts.length !== 3 || parts[0] !== ACCOUNT || parts[1] !== CONTAINER)
      return done(400, 'InvalidUri')
    const need = req.method === 'PUT' ? 'w' : 'r'
    const sig = q.get('sig') ?? ''
    const expected = sign(name, q.get('sp') ?? '', q.get('se') ?? '')
    const signed =
      sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
    if (
      !signed ||
      !(q.get('sp') ?? '').includes(need) ||
      Date.parse(q.get('se') ?? '') < Date.now()
    )
      return done(403, 'AuthenticationFailed')
    if (req.headers.authorization !== undefined) return done(400, 'InvalidAuthenticationInfo')
    const headers = {
      'x-ms-version': BLOB_VERSION,
      'x-ms-request-id': randomBytes(8).toString('hex')
    }
    if (req.method === 'PUT') {
      const body = await readBody(req)
      if (operation === 'PutBlob') {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return done(400, 'MissingRequiredHeader')
        await writeFile(blobPath(name), body)
      } else if (operation === 'PutBlock') {
        const id = q.get('blockid') ?? ''
        if (id === '') return done(400, 'InvalidQueryParameterValue')
        await mkdir(blockDir(name), { recursive: true })
        await writeFile(join(blockDir(name), Buffer.from(id, 'base64').toString('hex')), body)
      } else {
        const ids = [
          ...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)
        ]
        const known = new Set(await readdir(blockDir(name)).catch(() => [] as string[]))
        const files = ids.map((m) => Buffer.from(m[2]!, 'base64').toString('hex'))
        if (files.some((f) => !known.has(f))) return done(400, 'InvalidBlockList')
        const data = await Promise.all(files.map((f) => readFile(join(blockDir(name), f))))
        await writeFile(blobPath(name), Buffer.concat(data))
        await rm(blockDir(name), { recursive: true, force: true })
      }
      res.writeHead(201, {
        ...headers,
        etag: `"0x${(++clock).toString(16)}"`,
        'last-modified': new Date().toUTCString()
      })
      res.end()
      return done(201)
    }
    const size = await stat(blobPath(name)).then(
      (s) => s.size,
      () => -1
    )
    if (size < 0) return done(404, 'BlobNotFound')
    const base = {
      ...headers,
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
      etag: '"0x1"'
    }
    const r = typeof range === 'string' ? /^bytes=(\d+)-(\d*)$/.exec(range) : null
    if (typeof range === 'string' && !r) return done(400, 'InvalidRange')
    const start = r ? Number(r[1]) : 0
    const end = r && r[2] !== '' ? Math.min(Number(r[2]), size - 1) : size - 1
    if (r && start >= size) return done(416, 'InvalidRange')
    const length = end - start + 1
    res.writeHead(r ? 206 : 200, {
      ...base,
      'content-length': String(length),
      ...(r ? { 'content-range': `bytes ${start}-${end}/${size}` } : {})
    })
    if (req.method === 'HEAD' || length === 0) res.end()
    else createReadStream(blobPath(name), { start, end }).pipe(res)
    return done(r ? 206 : 200)
  }

  return {
    signedUrl: (origin, blob, permissions) => {
      const expiry = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
      const q = new URLSearchParams({ sv: BLOB_VERSION, sr: 'b', sp: permissions, se: expiry })
      const sig = sign(blob, permissions, expiry)
      signatures.push(sig)
      q.set('sig', sig)
      return `${origin}/${ACCOUNT}/${CONTAINER}/${blob}?${q}`
    },
    path: blobPath,
    signatures: () => [...signatures],
    handle
  }
}

export function authOf(req: IncomingMessage): CacheRequest['authorization'] {
  const h = req.headers.authorization
  return h === undefined ? 'none' : h.startsWith('Bearer ') ? 'bearer' : 'other'
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
