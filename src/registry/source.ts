import { InputError, quote } from '../shared/errors.js'
import { tagProblem } from '../tags/sanitize.js'
import { parseRepository, type Repository } from './reference.js'

/** A file that holds an image, named by a transport prefix as skopeo spells it. */
export interface FileSource {
  readonly kind: 'oci-archive' | 'oci' | 'docker-archive'
  /** The tar (oci-archive, docker-archive) or the folder (oci), as given. */
  readonly path: string
  /**
   * oci and oci-archive: the `org.opencontainers.image.ref.name` to publish;
   * docker-archive: a `RepoTags` entry, or `@N` for the Nth image.
   */
  readonly ref?: string
  readonly text: string
}

/**
 * The image to publish: in the local Docker daemon (a name or an image ID),
 * already in a registry (a reference with a host, or a digest), or in a file
 * (an OCI archive or layout, or a `docker save` tar).
 */
export type Source =
  | { readonly kind: 'local'; readonly image: string }
  | FileSource
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

/** skopeo's transport names for images in files, which users already know. */
const FILE_TRANSPORTS = ['oci-archive', 'oci', 'docker-archive'] as const

export function parseSource(value: string): Source {
  const file = parseFileSource(value)
  if (file) return file
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

/**
 * `oci-archive:PATH[:REF]`, `oci:DIR[:REF]`, `docker-archive:PATH[:REF]`: the
 * path ends at the first colon after the prefix, as in skopeo.
 */
function parseFileSource(value: string): FileSource | undefined {
  const colon = value.indexOf(':')
  if (colon === -1) return undefined
  const prefix = value.slice(0, colon)
  const kind = FILE_TRANSPORTS.find((t) => t === prefix)
  if (kind === undefined) {
    // `docker:latest` is an image name; `docker://…` is skopeo's registry transport.
    if (/^(?:docker-daemon|containers-storage)$/.test(prefix) || value.startsWith('docker://'))
      throw new InputError(
        INPUT,
        `${quote(value)} uses the transport ${quote(prefix)}, which tagship does not read: give a local image (name:tag or image ID), a registry reference (host/repo:tag), or a file as oci-archive:PATH, oci:DIR or docker-archive:PATH`
      )
    return undefined
  }
  const rest = value.slice(colon + 1)
  const sep = rest.indexOf(':')
  const path = sep === -1 ? rest : rest.slice(0, sep)
  const ref = sep === -1 ? undefined : rest.slice(sep + 1)
  const what = kind === 'oci' ? 'folder' : 'file'
  if (path.trim() === '')
    throw new InputError(
      INPUT,
      `${quote(value)} names no ${what}: write ${kind}:${kind === 'oci' ? 'DIR' : 'PATH'}, e.g. ${kind}:${kind === 'oci' ? './image' : './image.tar'}`
    )
  if (ref !== undefined && ref.trim() === '')
    throw new InputError(
      INPUT,
      `${quote(value)} ends with an empty reference after ":": drop the ":" or name the image to publish`
    )
  return { kind, path, text: value, ...(ref !== undefined ? { ref } : {}) }
}
