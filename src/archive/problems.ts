import type { Descriptor } from '../distribution/media-types.js'
import { InputError, quote } from '../shared/errors.js'

const INPUT = 'source'
const REF_NAME = 'org.opencontainers.image.ref.name'

/** One line about the `source` input: its value, what is wrong, and the fix. */
export function sourceError(text: string, message: string): InputError {
  return new InputError(INPUT, `${quote(text)} ${message}`)
}

/** A blob whose bytes are not what its name or its descriptor says. */
export function damaged(text: string, detail: string): InputError {
  return sourceError(text, `is damaged: ${detail}; build the archive again`)
}

/** A tar that ends early. */
export function truncated(text: string, detail: string): InputError {
  return sourceError(text, `is truncated: ${detail}; copy or build the archive again`)
}

/** `sha256:0123456789ab`: enough to tell the entries of one layout apart. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':')
  return digest.slice(0, colon + 13)
}

/** `sha256:0123456789ab (application/vnd.oci.image.index.v1+json, "v1")`. */
export function describeEntry(d: Descriptor): string {
  const name = d.annotations?.[REF_NAME]
  return `${shortDigest(d.digest)} (${d.mediaType}, ${name === undefined ? 'unnamed' : quote(name)})`
}

/** `a, b, c and 4 more`, for a list in one line. */
export function listText(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

export { REF_NAME }
