import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { seedImage, sha256 } from '../../__fixtures__/services/oci-seed.js'
import { startRecordingProxy, type RecordingProxy } from '../../__fixtures__/services/proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { openBlob } from '../../src/distribution/blob-download.js'
import { uploadBlob } from '../../src/distribution/blob-upload.js'
import { RegistryClient } from '../../src/distribution/client.js'
import { repoHandle } from '../../src/distribution/repo.js'
import { startLocationProxy, type LocationProxy } from './location-proxy.js'
import { rejectionOf } from '../../__fixtures__/errors.js'

/**
 * Where a registry sends tagship: blob GETs redirected to an object store,
 * upload sessions on another host, and URLs that are not http(s). The
 * registry's credentials go to its own origin only; other hosts are followed
 * without them; other schemes, and plain HTTP to a host that is neither
 * loopback nor listed, are refused before any connection.
 */
const ALICE = { username: 'alice', password: 'locations-alice-secret-3' }
const LAYER = Buffer.from('a layer that moves between hosts\n')
const mask = (): void => undefined
let registry: Registry
let fault: FaultProxy
let proxy: LocationProxy
let side: RecordingProxy

beforeAll(async () => {
  registry = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  await seedImage({ url: registry.url, creds: ALICE }, 'team/app', { layers: [LAYER], tag: '1' })
  fault = await startFaultProxy(registry.url)
  const port = Number(registry.host.split(':')[1])
  proxy = await startLocationProxy(port)
  side = await startRecordingProxy(port)
}, 60_000)
afterAll(async () => {
  await fault?.stop()
  await proxy?.stop()
  await side?.stop()
  await registry?.stop()
})

const client = (host: string) =>
  new RegistryClient(host, ALICE, mask, { retries: 0, sleep: async () => undefined })
const blob = { digest: sha256(LAYER), size: LAYER.length }
const upload = (host: string) =>
  uploadBlob(repoHandle(client(host), 'team/app', 'push'), {
    ...blob,
    open: async () => new Blob([LAYER]).stream()
  })
const download = async (host: string): Promise<Buffer> => {
  const stream = await openBlob(repoHandle(client(host), 'team/app', 'pull'), blob)
  return Buffer.from(await new Response(stream).arrayBuffer())
}

const BLOB_PATH = `/v2/team/app/blobs/${blob.digest}`
const UPLOADS = '/v2/team/app/blobs/uploads/'
const trail = (
  records: { method: string; path: string; authorization: string; status: number }[]
) =>
  records.map(
    (r) =>
      `${r.method} ${r.path.replace(/uploads\/[0-9a-f-]{36}$/, 'uploads/<id>')} ${r.authorization} ${r.status}`
  )

describe('a blob GET redirected to an object store on another origin', () => {
  test('is followed without Authorization, and the bytes arrive', async () => {
    fault.reset()
    fault.inject({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      times: Infinity,
      fault: { kind: 'redirect-to-store' }
    })
    expect((await download(fault.host)).equals(LAYER)).toBe(true)
    // The registry asks for credentials, then its 200 is turned into a 307 to the store.
    expect(fault.requests().map((r) => `${r.fault} ${trail([r])[0]}`)).toEqual([
      `redirect-to-store GET ${BLOB_PATH} none 401`,
      `redirect-to-store GET ${BLOB_PATH} basic 307`
    ])
    expect(fault.storeRequests().map((r) => `${r.method} ${r.authorization} ${r.status}`)).toEqual([
      'GET none 200'
    ])
  })
})

describe('an upload Location on another host', () => {
  test('gets no Authorization, so the upload fails there and the error says so', async () => {
    proxy.reset()
    side.clearRequests()
    proxy.rewrite({
      method: 'POST',
      path: new RegExp(`^${UPLOADS}$`),
      location: (original) => original!.replace(proxy.host, `localhost:${side.port}`)
    })
    expect(await rejectionOf(() => upload(proxy.host))).toBe(
      `uploading blob ${proxy.host}/team/app@${blob.digest} failed: UNAUTHORIZED (HTTP 401): the registry refused the credentials for team/app: check them and their access to this repository`
    )
    expect(trail(proxy.seen())).toEqual([`POST ${UPLOADS} none 401`, `POST ${UPLOADS} basic 202`])
    expect(trail(side.requests())).toEqual([`PUT ${UPLOADS}<id> none 401`])
  })
})

describe('URLs that are not http(s), or plain HTTP to a host that is not loopback', () => {
  test.each([
    ['file:///etc/passwd', 'a file: URL'],
    ['ftp://127.0.0.1:2121/upload', 'a ftp: URL'],
    ['data:,hello', 'a data: URL'],
    [
      'http://uploads.example.test/v2/team/app/blobs/uploads/x',
      'plain HTTP on uploads.example.test'
    ]
  ])('an upload Location %s is refused before any PUT', async (location, where) => {
    proxy.reset()
    proxy.rewrite({ method: 'POST', path: new RegExp(`^${UPLOADS}$`), location: () => location })
    const why = where.startsWith('plain')
      ? 'tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries'
      : 'tagship only follows http and https URLs'
    expect(await rejectionOf(() => upload(proxy.host))).toBe(
      `${proxy.host}: refused to send PUT to ${where}, a URL the registry gave; ${why}`
    )
    expect(trail(proxy.seen())).toEqual([`POST ${UPLOADS} none 401`, `POST ${UPLOADS} basic 202`])
  })

  test.each([
    ['file:///etc/passwd', 'a file: URL', 'tagship only follows http and https URLs'],
    [
      'http://blobs.example.test/layer',
      'plain HTTP on blobs.example.test',
      'tagship speaks plain HTTP only to loopback hosts and to those listed in insecure-registries'
    ]
  ])('a blob GET redirected to %s is refused', async (location, where, why) => {
    proxy.reset()
    proxy.rewrite({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      redirect: 307,
      location: () => location
    })
    expect(await rejectionOf(() => download(proxy.host))).toBe(
      `${proxy.host}: refused to follow the redirect of GET ${BLOB_PATH} to ${where}; ${why}`
    )
    expect(trail(proxy.seen())).toEqual([`GET ${BLOB_PATH} none 307`])
  })
})
