import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizationScheme, closeServer, type RecordedRequest } from './proxy.js'

export interface StoreRecord {
  readonly method: string
  readonly path: string
  readonly authorization: RecordedRequest['authorization']
  readonly status: number
}

/**
 * An object store on its own loopback origin, standing in for S3 (ECR),
 * Azure Blob (ACR) or a CDN (Docker Hub), where registries redirect blob
 * GETs. Like them it refuses any request that carries `Authorization`: a
 * client that forwards the registry's token there fails, and is recorded.
 */
export interface ObjectStore {
  readonly url: string
  /** Keep these bytes and give the signed URL that serves them (`corrupt` flips the first byte served). */
  put(bytes: Buffer, corrupt: boolean): string
  requests(): StoreRecord[]
  reset(): void
  stop(): Promise<void>
}

export async function startObjectStore(): Promise<ObjectStore> {
  const records: StoreRecord[] = []
  const stored = new Map<string, { bytes: Buffer; corrupt: boolean }>()
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!
    const authorization = authorizationScheme(req.headers.authorization)
    const answer = (status: number, body: Buffer | string, type: string): void => {
      records.push({ method: req.method ?? '', path, authorization, status })
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    put: (bytes, corrupt) => {
      const key = `/store/${randomBytes(8).toString('hex')}`
      stored.set(key, { bytes, corrupt })
      return `${url}${key}?signature=test`
    },
    requests: () => records.map((r) => ({ ...r })),
    reset: () => {
      records.splice(0)
      stored.clear()
    },
    stop: () => closeServer(server)
  }
}
