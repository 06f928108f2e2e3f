import { createHash } from 'node:crypto'
import { createReadStream, type ReadStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { ByteReader } from './byte-reader.js'
import { damaged, sourceError, truncated } from './problems.js'
import { BLOCK, isZeroBlock, normalizeName, padding, parseHeader, parsePax } from './tar-header.js'

/** A regular file in a tar: where its data is, and what it hashes to. */
export interface TarFile {
  readonly name: string
  /** Where its data starts in `TarIndex.file`. */
  readonly offset: number
  readonly size: number
  /** `sha256:<hex>` of its data (`sha512:` under `blobs/sha512/`), computed during the pass. */
  readonly digest: string
  /** The data itself, for a small JSON file (index.json, a manifest, a config). */
  readonly data?: Buffer
}

/** A tar's table of contents, read in one pass; the data stays in the file. */
export interface TarIndex {
  /** The tar to read data from: the file given, or a decompressed copy of it. */
  readonly file: string
  readonly files: ReadonlyMap<string, TarFile>
  /** Every entry's name in archive order; folders end with `/`. */
  readonly names: readonly string[]
  /** Remove the decompressed copy, if one was made. Idempotent. */
  close(): Promise<void>
}

/** Files this small that start like JSON stay in memory: manifests, configs, index.json. */
const KEEP_LIMIT = 4 * 1024 * 1024
const JSON_START = new Set([0x7b, 0x5b, 0x20, 0x09, 0x0a, 0x0d])
/** PAX records and GNU long names larger than this are not what they claim. */
const META_LIMIT = 1024 * 1024
const CHUNK = 256 * 1024

/**
 * Read a tar (or a gzip-compressed tar, decompressed once into a temp file
 * under `tmpDir` so its entries can be read back by offset) from start to
 * end: every regular file's offset, size and digest. Never extracts.
 */
export async function indexTar(
  path: string,
  text: string,
  options: { tmpDir?: string } = {}
): Promise<TarIndex> {
  const gzip = await startsWithGzipMagic(path)
  let temp: string | undefined
  const close = async () => {
    const dir = temp
    temp = undefined
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  }
  let file = path
  if (gzip) {
    temp = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'tagship-archive-'))
    file = join(temp, 'image.tar')
  }
  const input = createReadStream(path, { highWaterMark: CHUNK })
  const chunks: AsyncIterable<Buffer> = gzip ? gunzipInto(input, file) : input
  const reader = new ByteReader(chunks[Symbol.asyncIterator]())
  try {
    try {
      const { files, names } = await scan(reader, text, gzip)
      return { file, files, names, close }
    } finally {
      await reader.close().catch(() => undefined)
      input.destroy()
    }
  } catch (e) {
    await close()
    throw readFailure(e, text)
  }
}

async function scan(reader: ByteReader, text: string, gzip: boolean) {
  const files = new Map<string, TarFile>()
  const names: string[] = []
  const links: { name: string; target: string; hard: boolean }[] = []
  let next: { path?: string; size?: number; linkpath?: string } = {}
  for (let first = true; ; first = false) {
    const at = reader.position
    const block = await reader.take(BLOCK)
    if (block.length === 0 && !first)
      throw truncated(text, `it ends after ${at} bytes, without the tar end-of-archive marker`)
    if (block.length < BLOCK && !first)
      throw truncated(text, `it ends inside the tar header at byte ${at}`)
    if (block.length === BLOCK && isZeroBlock(block)) break
    const header = block.length === BLOCK ? parseHeader(block) : undefined
    if (!header) {
      if (first) throw notTar(text, gzip)
      throw damaged(text, `the tar header at byte ${at} is not valid`)
    }
    const { type } = header
    const meta = type === 'x' || type === 'g' || type === 'L' || type === 'K'
    const size = meta ? header.size : (next.size ?? header.size)
    if (!Number.isSafeInteger(size) || size < 0)
      throw damaged(text, `the tar header at byte ${at} has an invalid size`)
    if (meta) {
      if (size > META_LIMIT)
        throw damaged(text, `the tar header at byte ${at} announces ${size} bytes of names`)
      const data = await reader.take(size)
      if (data.length < size) throw truncated(text, `it ends inside the tar header at byte ${at}`)
      if (type === 'x') {
        const pax = parsePax(data)
        const paxSize = pax.get('size')
        next = {
          ...next,
          ...(pax.has('path') ? { path: pax.get('path') } : {}),
          ...(pax.has('linkpath') ? { linkpath: pax.get('linkpath') } : {}),
          ...(paxSize !== undefined ? { size: /^\d+$/.test(paxSize) ? Number(paxSize) : NaN } : {})
        }
      } else if (type === 'L') next = { ...next, path: cString(data) }
      else if (type === 'K') next = { ...next, linkpath: cString(data) }
      await skip(reader, padding(size), text, `the tar header at byte ${at}`)
      continue
    }
    const name = normalizeName(next.path ?? header.name)
    const linkname = next.linkpath ?? header.linkname
    next = {}
    if (type === '0' || type === '7') {
      files.set(name, await readFile(reader, name, size, text))
      names.push(name)
    } else {
      if (type === '1' || type === '2') links.push({ name, target: linkname, hard: type === '1' })
      names.push(type === '5' ? `${name}/` : name)
      await skip(reader, size, text, name)
    }
    await skip(reader, padding(size), text, name)
  }
  resolveLinks(files, links)
  return { files, names }
}

/** Pass over a file's data once: hash it, keep it when it is small JSON. */
async function readFile(
  reader: ByteReader,
  name: string,
  size: number,
  text: string
): Promise<TarFile> {
  const offset = reader.position
  const algorithm = name.startsWith('blobs/sha512/') ? 'sha512' : 'sha256'
  const hash = createHash(algorithm)
  let keep: boolean | undefined = size <= KEEP_LIMIT ? undefined : false
  const pieces: Buffer[] = []
  const got = await reader.pass(size, (piece) => {
    hash.update(piece)
    keep ??= JSON_START.has(piece[0]!)
    if (keep) pieces.push(Buffer.from(piece))
  })
  if (got < size) throw truncated(text, `it ends inside ${name} (${got} of its ${size} bytes)`)
  const digest = `${algorithm}:${hash.digest('hex')}`
  return { name, offset, size, digest, ...(keep ? { data: Buffer.concat(pieces) } : {}) }
}

async function skip(reader: ByteReader, n: number, text: string, what: string): Promise<void> {
  if ((await reader.pass(n)) < n) throw truncated(text, `it ends inside ${what}`)
}

/** Hard links name the archive path; symbolic links are relative to their folder. */
function resolveLinks(
  files: Map<string, TarFile>,
  links: readonly { name: string; target: string; hard: boolean }[]
): void {
  for (let round = 0, changed = true; changed && round < 16; round++) {
    changed = false
    for (const link of links) {
      if (files.has(link.name)) continue
      const target =
        link.hard || link.target.startsWith('/')
          ? normalizeName(link.target)
          : normalizeName(posix.join(posix.dirname(link.name), link.target))
      const file = files.get(target)
      if (file) {
        files.set(link.name, { ...file, name: link.name })
        changed = true
      }
    }
  }
}

/** Decompress once: each chunk is written to `file` before the scan sees it. */
async function* gunzipInto(input: ReadStream, file: string): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: CHUNK })
  pipeline(input, gunzip).catch(() => undefined)
  const out = await open(file, 'wx')
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      await out.write(chunk)
      yield chunk
    }
  } finally {
    gunzip.destroy()
    await out.close()
  }
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

function notTar(text: string, gzip: boolean): Error {
  const what = gzip ? ' (it is gzip-compressed, but what it holds is not a tar)' : ''
  return sourceError(
    text,
    `is not a tar archive${what}: give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote`
  )
}

/** zlib and file system failures, said about the input. */
function readFailure(e: unknown, text: string): unknown {
  const code = (e as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || (e as Error).name === 'InputError') return e
  if (code === 'Z_BUF_ERROR') return truncated(text, 'its gzip stream ends early')
  if (code.startsWith('Z_'))
    return damaged(text, `its gzip stream is corrupt (${(e as Error).message})`)
  return sourceError(text, `cannot be read (${(e as Error).message}): check the file`)
}

function cString(data: Buffer): string {
  const end = data.indexOf(0)
  return data.toString('utf8', 0, end === -1 ? data.length : end)
}
