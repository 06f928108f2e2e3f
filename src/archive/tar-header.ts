/** One 512-byte tar header, decoded: ustar (name + prefix), GNU and old v7 layouts. */
export interface TarHeader {
  readonly name: string
  readonly size: number
  /** The type flag: `0` regular (also for NUL), `5` directory, `x` PAX, `L` GNU long name… */
  readonly type: string
  readonly linkname: string
}

export const BLOCK = 512

export function isZeroBlock(block: Uint8Array): boolean {
  for (const byte of block) if (byte !== 0) return false
  return true
}

/** The header in `block`, or undefined when its checksum does not hold (not a tar header). */
export function parseHeader(block: Buffer): TarHeader | undefined {
  const stored = parseNumber(block.subarray(148, 156))
  if (!Number.isSafeInteger(stored) || !checksumMatches(block, stored)) return undefined
  const magic = block.toString('latin1', 257, 263)
  // POSIX ustar splits long names into prefix + name; GNU uses those bytes for times.
  const prefix = magic === 'ustar\0' ? text(block, 345, 155) : ''
  const name = text(block, 0, 100)
  const flag = block[156] ?? 0
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: parseNumber(block.subarray(124, 136)),
    type: flag === 0 ? '0' : String.fromCharCode(flag),
    linkname: text(block, 157, 100)
  }
}

/**
 * A numeric field: octal digits (NUL or space terminated), or, when the first
 * byte has its high bit set, a big-endian base-256 number (GNU, for sizes of
 * 8 GiB and more). NaN when it is neither or does not fit.
 */
function parseNumber(field: Uint8Array): number {
  const first = field[0] ?? 0
  if (first & 0x80) {
    if (first === 0xff) return NaN // negative
    let value = first & 0x7f
    for (const byte of field.subarray(1)) value = value * 256 + byte
    return Number.isSafeInteger(value) ? value : NaN
  }
  const digits = Buffer.from(field).toString('latin1').replace(/\0.*$/s, '').trim()
  if (digits === '') return 0
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : NaN
}

/** The records of a PAX extended header (`path`, `size`, `linkpath`, …). */
export function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    if (space === -1) break
    const length = Number(data.toString('latin1', at, space))
    if (!Number.isSafeInteger(length) || length <= space - at) break
    const record = data.toString('utf8', space + 1, at + length).replace(/\n$/, '')
    const equals = record.indexOf('=')
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1))
    at += length
  }
  return records
}

/** `./a//b/` → `a/b`: names as a layout refers to them. */
export function normalizeName(name: string): string {
  return name
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/')
}

/** Bytes of padding after `size` bytes of data, up to the next header. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
}

function checksumMatches(block: Buffer, stored: number): boolean {
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : block[i]!
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length)
  const end = field.indexOf(0)
  return field.toString('utf8', 0, end === -1 ? length : end)
}
