import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { ReadStream } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sha256, tarBytes } from '../../__fixtures__/archives.js'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { tarStore } from '../../src/archive/store.js'
import { indexTar, type TarIndex } from '../../src/archive/tar-index.js'

let dir: string
let count = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-tar-index-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Write `bytes` to a new file and index it; temp copies go under `tmp`. */
async function indexed(bytes: Buffer, tmp = dir): Promise<TarIndex & { path: string }> {
  const path = join(dir, `archive-${++count}.tar`)
  await writeFile(path, bytes)
  return { ...(await indexTar(path, `oci-archive:${path}`, { tmpDir: tmp })), path }
}

async function failure(bytes: Buffer): Promise<string> {
  const path = join(dir, `bad-${++count}.tar`)
  await writeFile(path, bytes)
  return (await rejectionOf(() => indexTar(path, 'oci-archive:bad.tar', { tmpDir: dir }))).replace(
    path,
    'PATH'
  )
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

const blob = Buffer.from('not json, a layer\n'.repeat(40))
const blobName = `blobs/sha256/${sha256(blob).slice(7)}`

describe('indexTar', () => {
  test('records every regular file with its data offset, size and digest, in one pass', async () => {
    const index = await indexed(
      tarBytes([
        { name: './blobs/', type: '5' },
        { name: `./${blobName}`, data: blob },
        { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' },
        { name: 'empty', data: '' }
      ])
    )
    expect(index.names).toEqual(['blobs/', blobName, 'index.json', 'empty'])
    expect([...index.files.keys()]).toEqual([blobName, 'index.json', 'empty'])
    expect(index.files.get(blobName)).toEqual({
      name: blobName,
      offset: 1024,
      size: 720,
      digest: sha256(blob)
    })
    // small JSON stays in memory; anything else is read back from the file
    expect(index.files.get('index.json')).toEqual({
      name: 'index.json',
      offset: 2560,
      size: 34,
      digest: sha256('{"schemaVersion":2,"manifests":[]}'),
      data: Buffer.from('{"schemaVersion":2,"manifests":[]}')
    })
    expect(index.files.get('empty')).toEqual({
      name: 'empty',
      offset: 3584,
      size: 0,
      digest: sha256('')
    })
    expect(index.file).toBe(index.path)
  })

  test('reading a file opens the tar at its offset and reads exactly its size', async () => {
    const index = await indexed(
      tarBytes([
        { name: 'first', data: 'x' },
        { name: blobName, data: blob }
      ])
    )
    const store = tarStore(index)
    const stream = store.open(blobName) as ReadStream & { start: number; end: number }
    expect([stream.path, stream.start, stream.end]).toEqual([index.path, 1536, 1536 + 720 - 1])
    expect(await readAll(stream)).toEqual(blob)
    expect(await readAll(store.open('first'))).toEqual(Buffer.from('x'))
    expect(await store.read(blobName)).toEqual(blob)
    expect(await store.size(blobName)).toBe(720)
    expect(await store.size('missing')).toBeUndefined()
    expect(await store.digest(blobName, 'sha256', true)).toBe(sha256(blob))
  })

  test('PAX path and size, a global PAX header, GNU long names, ustar prefixes and base-256 sizes', async () => {
    const long = `blobs/sha256/${'d'.repeat(64)}/${'nested/'.repeat(20)}file`
    const gnu = `gnu/${'g'.repeat(150)}`
    const prefixed = `${'p'.repeat(120)}/name`
    const index = await indexed(
      tarBytes(
        [
          { name: long, data: 'pax named' },
          { name: 'pax-sized', data: 'the size is in the PAX header', size: 'pax' },
          { name: gnu, data: 'gnu named', longName: 'gnu' },
          { name: prefixed, data: 'prefixed', longName: 'prefix' },
          { name: 'base256', data: 'big-endian size', size: 'base256' },
          { name: 'after', data: 'still in step' }
        ],
        { globalPax: true }
      )
    )
    expect([...index.files.keys()]).toEqual([long, 'pax-sized', gnu, prefixed, 'base256', 'after'])
    const store = tarStore(index)
    const texts = await Promise.all(
      [...index.files.keys()].map(async (name) => (await readAll(store.open(name))).toString())
    )
    expect(texts).toEqual([
      'pax named',
      'the size is in the PAX header',
      'gnu named',
      'prefixed',
      'big-endian size',
      'still in step'
    ])
    expect(index.files.get('pax-sized')?.size).toBe(29)
    expect(index.files.get('base256')?.digest).toBe(sha256('big-endian size'))
  })

  test('blobs under blobs/sha512/ are hashed with sha512', async () => {
    const hex = createHash('sha512').update(blob).digest('hex')
    const index = await indexed(tarBytes([{ name: `blobs/sha512/${hex}`, data: blob }]))
    expect(index.files.get(`blobs/sha512/${hex}`)?.digest).toBe(`sha512:${hex}`)
  })

  test('hard and symbolic links point at the file they name', async () => {
    const index = await indexed(
      tarBytes([
        { name: 'a/layer.tar', data: blob },
        { name: 'b/layer.tar', type: '2', linkname: '../a/layer.tar' },
        { name: 'c/layer.tar', type: '1', linkname: 'a/layer.tar' }
      ])
    )
    const a = index.files.get('a/layer.tar')!
    expect(index.files.get('b/layer.tar')).toEqual({ ...a, name: 'b/layer.tar' })
    expect(index.files.get('c/layer.tar')).toEqual({ ...a, name: 'c/layer.tar' })
  })

  test('a gzip-compressed tar is decompressed once into a temp copy that close() removes', async () => {
    const tmp = await mkdtemp(join(dir, 'tmp-'))
    const tar = tarBytes([{ name: blobName, data: blob }])
    const index = await indexed(gzipSync(tar), tmp)
    const [copy] = await readdir(tmp)
    expect(copy).toMatch(/^tagship-archive-/)
    expect(index.file).toBe(join(tmp, copy!, 'image.tar'))
    expect(index.files.get(blobName)).toEqual({
      name: blobName,
      offset: 512,
      size: 720,
      digest: sha256(blob)
    })
    expect(await readAll(tarStore(index).open(blobName))).toEqual(blob)
    await index.close()
    expect(await readdir(tmp)).toEqual([])
    await index.close()
  })

  test('an empty tar (only the end-of-archive blocks) holds nothing', async () => {
    const index = await indexed(tarBytes([]))
    expect([index.names, index.files.size]).toEqual([[], 0])
  })
})

describe('indexTar refuses', () => {
  const NOT_TAR =
    'source: "oci-archive:bad.tar" is not a tar archive: give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote'
  const tar = tarBytes([{ name: blobName, data: blob }])

  test('what is not a tar', async () => {
    expect(await failure(Buffer.from('{"just":"json"}'))).toBe(NOT_TAR)
    expect(await failure(Buffer.alloc(0))).toBe(NOT_TAR)
    expect(await failure(Buffer.alloc(2048, 'a'))).toBe(NOT_TAR)
    expect(await failure(gzipSync('hello, not a tar'.repeat(100)))).toBe(
      'source: "oci-archive:bad.tar" is not a tar archive (it is gzip-compressed, but what it holds is not a tar): give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote'
    )
  })

  test('a tar cut short, inside a file, a header, or before its end marker', async () => {
    expect(await failure(tar.subarray(0, 700))).toBe(
      `source: "oci-archive:bad.tar" is truncated: it ends inside ${blobName} (188 of its 720 bytes); copy or build the archive again`
    )
    expect(await failure(tar.subarray(0, 1536 + 100))).toBe(
      'source: "oci-archive:bad.tar" is truncated: it ends inside the tar header at byte 1536; copy or build the archive again'
    )
    expect(await failure(tar.subarray(0, 1536))).toBe(
      'source: "oci-archive:bad.tar" is truncated: it ends after 1536 bytes, without the tar end-of-archive marker; copy or build the archive again'
    )
    expect(await failure(gzipSync(tar).subarray(0, 60))).toBe(
      'source: "oci-archive:bad.tar" is truncated: its gzip stream ends early; copy or build the archive again'
    )
  })

  test('a damaged header or gzip stream', async () => {
    const bad = Buffer.from(tar)
    bad.write('garbage', 1536 + 10)
    expect(await failure(Buffer.concat([bad.subarray(0, 1536 + 512), Buffer.alloc(1024)]))).toBe(
      'source: "oci-archive:bad.tar" is damaged: the tar header at byte 1536 is not valid; build the archive again'
    )
    const gz = gzipSync(tar)
    gz[gz.length - 6]! ^= 0xff // the CRC
    expect(await failure(gz)).toMatch(
      /^source: "oci-archive:bad.tar" is damaged: its gzip stream is corrupt \(.+\); build the archive again$/
    )
  })
})
