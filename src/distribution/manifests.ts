import { isDigest, digestAlgorithm, digestOf } from './digest.js'
import { ContentMismatchError } from './errors.js'
import { MANIFEST_MEDIA_TYPES, mediaTypeOfJson } from './media-types.js'
import { apiPath, refusal, type RepoHandle } from './repo.js'
import { discard } from './discard.js'

/** A manifest exactly as the registry served it: never re-serialised, so its digest holds. */
export interface RawManifest {
  readonly bytes: Uint8Array
  readonly mediaType: string
  /** sha256 over `bytes` (or the digest it was asked for by, once checked). */
  readonly digest: string
}

/** Distribution's own limit on a manifest; anything larger is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
const ACCEPT = MANIFEST_MEDIA_TYPES.join(', ')
/** Content types that say nothing about which manifest it is. */
const GENERIC_TYPES = new Set(['', 'application/json', 'text/plain', 'application/octet-stream'])

/** Read a manifest by tag or digest, with every manifest type in `Accept`. */
export async function getManifest(repo: RepoHandle, reference: string): Promise<RawManifest> {
  const response = await repo.client.request(
    apiPath(repo, `manifests/${reference}`),
    { headers: { accept: ACCEPT } },
    repo.scopes
  )
  if (!response.ok) throw await refusal(repo, response, 'reading manifest', false, reference)
  return manifestOf(response, repo, reference)
}

/** The manifest a successful GET answered with, checked against what was asked and announced. */
async function manifestOf(
  response: Response,
  repo: RepoHandle,
  reference: string
): Promise<RawManifest> {
  const bytes = await readLimited(response, MAX_MANIFEST_BYTES, repo, reference)
  const asked = isDigest(reference) ? reference : undefined
  const digest = asked ? digestOf(bytes, digestAlgorithm(asked)) : digestOf(bytes)
  const mismatch = (detail: string) =>
    new ContentMismatchError(repo.client.registry, repo.path, reference, detail)
  if (asked && digest !== asked) throw mismatch(`the manifest served hashes to ${digest}`)
  const announced = response.headers.get('docker-content-digest')
  if (announced && digestAlgorithm(announced) === digestAlgorithm(digest) && announced !== digest)
    throw mismatch(`the registry announced ${announced} but the bytes hash to ${digest}`)
  const mediaType = mediaTypeOfJson(bytes) ?? specificType(response.headers.get('content-type'))
  if (!mediaType)
    throw mismatch(
      `the registry served something that is not a manifest (Content-Type: ${response.headers.get('content-type') ?? 'none'})`
    )
  return { bytes, mediaType, digest }
}

/**
 * Where a tag or digest points, without downloading the manifest (a HEAD does
 * not count as a Docker Hub pull). Undefined when the registry has no such
 * manifest. A registry that leaves out `Docker-Content-Digest` costs a GET.
 */
export async function headManifest(
  repo: RepoHandle,
  reference: string
): Promise<{ digest: string; mediaType: string; size: number } | undefined> {
  const response = await repo.client.request(
    apiPath(repo, `manifests/${reference}`),
    { method: 'HEAD', headers: { accept: ACCEPT } },
    repo.scopes
  )
  if (response.status === 404) {
    await discard(response)
    return undefined
  }
  if (!response.ok) throw await refusal(repo, response, 'checking manifest', false, reference)
  await discard(response)
  const digest = response.headers.get('docker-content-digest')
  const mediaType = specificType(response.headers.get('content-type'))
  const size = Number(response.headers.get('content-length') ?? NaN)
  if (digest && isDigest(digest) && mediaType && Number.isSafeInteger(size))
    return { digest, mediaType, size }
  const manifest = await getManifest(repo, reference)
  return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length }
}

/**
 * Where a tag or digest points, read so that the connection stays open for
 * the writes that follow: fetch closes a connection after every HEAD, so a
 * wave of HEADs costs a wave of new connections (a TCP and TLS set-up each)
 * for the next requests. A GET keeps it; on Docker Hub, where a manifest GET
 * counts as a pull, it is a HEAD. Undefined when there is no such manifest.
 */
export async function findManifest(
  repo: RepoHandle,
  reference: string
): Promise<{ digest: string; mediaType: string; size: number } | undefined> {
  if (repo.client.provider?.kind === 'dockerhub') return headManifest(repo, reference)
  const response = await repo.client.request(
    apiPath(repo, `manifests/${reference}`),
    { headers: { accept: ACCEPT } },
    repo.scopes
  )
  if (response.status === 404) {
    await discard(response)
    return undefined
  }
  if (!response.ok) throw await refusal(repo, response, 'checking manifest', false, reference)
  const manifest = await manifestOf(response, repo, reference)
  return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length }
}

/**
 * Store a manifest under a tag or its digest: the exact bytes, with its media
 * type as `Content-Type`. The digest the registry answers with must be ours.
 * `subjectListed`: the answer carried `OCI-Subject`, so a registry with the
 * referrers API filed the manifest under its subject itself.
 */
export async function putManifest(
  repo: RepoHandle,
  reference: string,
  manifest: RawManifest
): Promise<{ subjectListed: boolean }> {
  if (isDigest(reference) && reference !== manifest.digest)
    throw new Error(`cannot store manifest ${manifest.digest} under the digest ${reference}`)
  const response = await repo.client.request(
    apiPath(repo, `manifests/${reference}`),
    { method: 'PUT', headers: { 'content-type': manifest.mediaType }, body: manifest.bytes },
    repo.scopes
  )
  if (!response.ok) throw await refusal(repo, response, 'pushing manifest', true, reference)
  await discard(response)
  const stored = response.headers.get('docker-content-digest')
  if (stored && stored !== manifest.digest)
    throw new ContentMismatchError(
      repo.client.registry,
      repo.path,
      reference,
      `the registry stored the manifest as ${stored}, not ${manifest.digest}`
    )
  return { subjectListed: response.headers.has('oci-subject') }
}

function specificType(contentType: string | null): string | undefined {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()
  return GENERIC_TYPES.has(type) ? undefined : type
}

async function readLimited(
  response: Response,
  limit: number,
  repo: RepoHandle,
  reference: string
): Promise<Uint8Array> {
  const tooLarge = () =>
    new ContentMismatchError(
      repo.client.registry,
      repo.path,
      reference,
      `the manifest is larger than ${limit} bytes`
    )
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await discard(response)
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let length = 0
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      length += chunk.length
      if (length > limit) throw tooLarge()
      chunks.push(chunk)
    }
  }
  return Buffer.concat(chunks, length)
}
