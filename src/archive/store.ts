import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { TarIndex } from './tar-index.js'

/**
 * The files of an image on disk, by their path inside it (`index.json`,
 * `blobs/sha256/<hex>`, `<id>/layer.tar`): a tar's table of contents or a
 * folder. Paths come from the layout, never straight from the user.
 */
export interface FileStore {
  /** What is at the top (folders end with `/`), to say what was found instead of a layout. */
  topNames(): Promise<string[]>
  /** The size of a regular file; undefined when there is none at `path`. */
  size(path: string): Promise<number | undefined>
  /** A whole file, for small ones (JSON); the caller checks the size first. */
  read(path: string): Promise<Buffer>
  /**
   * `<algorithm>:<hex>` over the file, computed at most once. With
   * `cachedOnly`, only when that costs nothing now (a tar hashed its
   * files while indexing; a folder's file hashed before).
   */
  digest(path: string, algorithm: string, cachedOnly?: boolean): Promise<string | undefined>
  /** The file's bytes as a stream, from its first byte to its last; one open per call. */
  open(path: string): Readable
  /** Remove what opening made (a decompressed copy). Idempotent. */
  close(): Promise<void>
  /**
   * Whether a read must hash the bytes again: a folder's files can change
   * one by one after they were checked; a tar was hashed in the one pass
   * that indexed it, and the registry checks every upload's digest.
   */
  readonly rehash: boolean
}

/** Files inside a tar, read back by offset from the tar (or its decompressed copy). */
export function tarStore(index: TarIndex): FileStore {
  const hashed = new Map<string, Promise<string>>()
  const open_ = (path: string): Readable => {
    const file = index.files.get(path)
    if (!file) throw new Error(`${path} is not in the archive`)
    if (file.size === 0) return Readable.from([])
    return createReadStream(index.file, { start: file.offset, end: file.offset + file.size - 1 })
  }
  return {
    rehash: false,
    topNames: async () => topLevel(index.names),
    size: async (path) => index.files.get(path)?.size,
    async read(path) {
      const file = index.files.get(path)
      if (!file) throw new Error(`${path} is not in the archive`)
      if (file.data) return file.data
      const handle = await open(index.file, 'r')
      try {
        const buffer = Buffer.alloc(file.size)
        const { bytesRead } = await handle.read(buffer, 0, file.size, file.offset)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    },
    async digest(path, algorithm, cachedOnly) {
      const file = index.files.get(path)
      if (!file) return undefined
      if (file.digest.startsWith(`${algorithm}:`)) return file.digest
      return cachedOnly ? undefined : once(hashed, path, algorithm, () => open_(path))
    },
    open: open_,
    close: () => index.close()
  }
}

/** Files in a folder (an `oci:DIR` layout). */
export function folderStore(dir: string): FileStore {
  const hashed = new Map<string, Promise<string>>()
  const done = new Map<string, string>()
  return {
    rehash: true,
    async topNames() {
      const entries = await readdir(dir, { withFileTypes: true })
      return entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort()
    },
    async size(path) {
      const info = await stat(join(dir, path)).catch(() => undefined)
      return info?.isFile() ? info.size : undefined
    },
    read: (path) => readFile(join(dir, path)),
    async digest(path, algorithm, cachedOnly) {
      const key = `${algorithm}:${path}`
      if (cachedOnly) return done.get(key)
      const digest = await once(hashed, path, algorithm, () => createReadStream(join(dir, path)))
      done.set(key, digest)
      return digest
    },
    open: (path) => createReadStream(join(dir, path)),
    close: async () => undefined
  }
}

function once(
  cache: Map<string, Promise<string>>,
  path: string,
  algorithm: string,
  stream: () => Readable
): Promise<string> {
  const key = `${algorithm}:${path}`
  let digest = cache.get(key)
  if (!digest) {
    digest = hashStream(stream(), algorithm)
    cache.set(key, digest)
  }
  return digest
}

async function hashStream(stream: Readable, algorithm: string): Promise<string> {
  const hash = createHash(algorithm)
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk)
  return `${algorithm}:${hash.digest('hex')}`
}

/** `blobs/`, `index.json`, …: the first part of every name, once. */
function topLevel(names: readonly string[]): string[] {
  const top = new Set<string>()
  for (const name of names) {
    const slash = name.indexOf('/')
    top.add(slash === -1 ? name : name.slice(0, slash + 1))
  }
  return [...top].sort()
}
