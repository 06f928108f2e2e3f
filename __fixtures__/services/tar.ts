import { gunzipSync } from 'node:zlib'

export interface TarEntry {
  readonly name: string
  /** `file`, `directory`, or the raw type flag for anything else. */
  readonly type: string
  readonly content: string
}

/**
 * The entries of a (gzipped) tar archive such as an image layer, enough to
 * assert exactly which files an image holds. Reads ustar headers only: no
 * PAX or GNU long names, which test images with short paths never need.
 */
export function readTar(archive: Buffer): TarEntry[] {
  const data = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive
  const entries: TarEntry[] = []
  for (let offset = 0; offset + 512 <= data.length;) {
    const header = data.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const text = (start: number, length: number) =>
      header.toString('utf8', start, start + length).replace(/\0.*$/s, '')
    const prefix = text(345, 155)
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100)
    const size = parseInt(text(124, 12).trim() || '0', 8)
    const flag = text(156, 1)
    const type = flag === '0' || flag === '' ? 'file' : flag === '5' ? 'directory' : flag
    const start = offset + 512
    entries.push({ name, type, content: data.toString('utf8', start, start + size) })
    offset = start + Math.ceil(size / 512) * 512
  }
  return entries
}
