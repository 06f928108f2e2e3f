import { InputError, quote } from '../errors.js'
import { tagProblem } from '../tags/sanitize.js'
import { parseRepository, type Repository } from './reference.js'

/**
 * The image to publish: in the local Docker daemon (a name or an image ID),
 * or already in a registry (a reference with a host, or a digest).
 */
export type Source =
  | { readonly kind: 'local'; readonly image: string }
  | {
      readonly kind: 'registry'
      readonly repository: Repository
      readonly tag?: string
      readonly digest?: string
      readonly text: string
    }

const DIGEST = /^sha256:[a-f0-9]{64}$/
const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/
const INPUT = 'source'

export function parseSource(value: string): Source {
  if (value.startsWith('sha256:') && !DIGEST.test(value)) {
    throw new InputError(
      INPUT,
      `${quote(value)} is not a full image ID: give sha256: and 64 hex digits`
    )
  }
  if (IMAGE_ID.test(value)) return { kind: 'local', image: value }
  let rest = value
  let digest: string | undefined
  const at = value.indexOf('@')
  if (at !== -1) {
    digest = value.slice(at + 1)
    rest = value.slice(0, at)
    if (!DIGEST.test(digest)) {
      throw new InputError(
        INPUT,
        `${quote(value)} has an invalid digest ${quote(digest)}: use @sha256: followed by 64 lowercase hex digits`
      )
    }
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    const problem = tagProblem(tag)
    if (problem)
      throw new InputError(INPUT, `${quote(value)} has an invalid tag ${quote(tag)}: it ${problem}`)
  }
  const repository = parseRepository(INPUT, rest)
  const first = rest.split('/')[0]!
  const hasHost =
    rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (!hasHost && digest === undefined) return { kind: 'local', image: value }
  return {
    kind: 'registry',
    repository,
    text: value,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {})
  }
}
