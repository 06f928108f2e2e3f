import { UnsafeEndpointError } from './endpoint.js'
import { isRetryableStatus } from '../shared/retry.js'
import {
  ContentMismatchError,
  CredentialsRejectedError,
  RegistryRequestError,
  RegistryUnreachableError
} from './errors.js'
import { apiPath, refusal, type RepoHandle } from './repo.js'
import { toWebStream, watched } from './byte-streams.js'
import { discard } from './discard.js'

/** A blob to upload: its stream is opened again for every attempt. */
export interface BlobSource {
  readonly digest: string
  readonly size: number
  readonly open: () => Promise<ReadableStream<Uint8Array> | NodeJS.ReadableStream>
}

/**
 * The most a chunked upload holds in memory: some registries refuse one PUT
 * with the whole body and want PATCHes, which must each carry a known length.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024

/** An upload session the registry opened (a POST answered 202): where the bytes go. */
export interface UploadSession {
  readonly location: string
  /** `OCI-Chunk-Min-Length`: the smallest PATCH the registry takes (0: no minimum). */
  readonly minChunk: number
}

/**
 * Upload a blob: open a session (or take `opened`, one a mount request left
 * open), then one streamed PUT with the whole body; a registry that refuses
 * that (405, 413, 501, UNSUPPORTED) gets PATCH chunks of at most CHUNK_BYTES
 * and a closing PUT. A transient failure (network, 408/429/5xx, an expired
 * token, a lost session) re-opens the source and starts over in a new
 * session, as many times as the client retries.
 */
export async function uploadBlob(
  repo: RepoHandle,
  blob: BlobSource,
  opened?: UploadSession
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await uploadOnce(repo, blob, attempt === 0 ? opened : undefined)
      return
    } catch (e) {
      if (!isTransient(e)) throw e
      if (attempt >= repo.client.retries) {
        if (e instanceof RegistryUnreachableError)
          throw new RegistryUnreachableError(e.registry, e.detail, attempt, { cause: e })
        if (!(e instanceof RetryableAnswer)) throw e
        const { context, answer } = e.error
        throw new RegistryRequestError(context, { ...answer, retries: attempt }, { cause: e })
      }
      const retryAfter = e instanceof RetryableAnswer ? e.retryAfter : undefined
      await repo.client.waitToRetry(
        attempt,
        `uploading blob ${blob.digest} to ${repo.path}: ${(e as Error).message}`,
        retryAfter
      )
    }
  }
}

/** A registry answer worth trying the whole upload again for. */
class RetryableAnswer extends Error {
  constructor(
    readonly error: RegistryRequestError,
    readonly retryAfter: string | null
  ) {
    const code = error.code ? ` ${error.code}` : ''
    super(`the upload answered HTTP ${error.status}${code}`, { cause: error })
  }
}

function isTransient(e: unknown): boolean {
  if (e instanceof RetryableAnswer || e instanceof RegistryUnreachableError) return true
  if (e instanceof RegistryRequestError) return isRetryableStatus(e.status)
  // A refusal, bad content or bad credentials stay so; anything else came from
  // the source stream breaking off (a dropped download) and may pass.
  return !(
    e instanceof ContentMismatchError ||
    e instanceof CredentialsRejectedError ||
    e instanceof UnsafeEndpointError
  )
}

async function uploadOnce(
  repo: RepoHandle,
  blob: BlobSource,
  opened: UploadSession | undefined
): Promise<void> {
  const { session, body } = await sessionAndBody(repo, blob, opened)
  const source = watched(toWebStream(body))
  let response: Response
  try {
    response = await repo.client.request(
      withDigest(session.location, blob.digest),
      {
        method: 'PUT',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(blob.size)
        },
        body: source.stream
      },
      repo.scopes
    )
  } catch (e) {
    // A broken source shows as a failed request: report the source's own error.
    throw source.failure() ?? e
  }
  if (response.status === 201 || response.status === 204) {
    await discard(response)
    checkStored(repo, blob, response)
    return
  }
  await source.stream.cancel().catch(() => undefined)
  const retryAfter = response.headers.get('retry-after')
  const error = await refusal(repo, response, 'uploading blob', true, blob.digest)
  if (refusesMonolithic(error)) return uploadChunked(repo, blob)
  if (isRetryableStatus(error.status) || error.status === 401 || lostSession(error))
    throw new RetryableAnswer(error, retryAfter)
  throw error
}

/**
 * The upload session (`opened`, or a new one) and the source's body. A new
 * session is asked for while the source opens (a download, for a registry
 * source): a round trip less per blob. A body opened for a session that was
 * refused is cancelled.
 */
async function sessionAndBody(
  repo: RepoHandle,
  blob: BlobSource,
  opened: UploadSession | undefined
): Promise<{ session: UploadSession; body: ReadableStream<Uint8Array> | NodeJS.ReadableStream }> {
  if (opened) return { session: opened, body: await blob.open() }
  const body = blob.open()
  // Handled here so a source that fails while the session is asked for is not an unhandled rejection.
  body.catch(() => undefined)
  let session: UploadSession
  try {
    session = await startUpload(repo, blob.digest)
  } catch (e) {
    void body.then((b) => toWebStream(b).cancel()).catch(() => undefined)
    throw e
  }
  return { session, body: await body }
}

async function uploadChunked(repo: RepoHandle, blob: BlobSource): Promise<void> {
  const session = await startUpload(repo, blob.digest)
  const chunkBytes = Math.max(CHUNK_BYTES, session.minChunk)
  const reader = toWebStream(await blob.open()).getReader()
  let location = session.location
  let offset = 0
  const buffer = new Uint8Array(chunkBytes)
  let filled = 0
  const send = async (): Promise<void> => {
    const body = buffer.subarray(0, filled)
    const response = await repo.client.request(
      location,
      {
        method: 'PATCH',
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `${offset}-${offset + filled - 1}`,
          'content-length': String(filled)
        },
        body
      },
      repo.scopes
    )
    if (response.status !== 202) {
      const retryAfter = response.headers.get('retry-after')
      const error = await refusal(repo, response, 'uploading blob', true, blob.digest)
      if (isRetryableStatus(error.status) || error.status === 401 || lostSession(error))
        throw new RetryableAnswer(error, retryAfter)
      throw error
    }
    await discard(response)
    location = resolveLocation(response, location) ?? location
    offset += filled
    filled = 0
  }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      let at = 0
      while (at < value.length) {
        const take = Math.min(value.length - at, chunkBytes - filled)
        buffer.set(value.subarray(at, at + take), filled)
        filled += take
        at += take
        if (filled === chunkBytes) await send()
      }
    }
    if (filled > 0) await send()
  } catch (e) {
    await reader.cancel().catch(() => undefined)
    throw e
  }
  if (offset !== blob.size)
    throw new ContentMismatchError(
      repo.client.registry,
      repo.path,
      blob.digest,
      `the source gave ${offset} bytes where the manifest says ${blob.size}`
    )
  const response = await repo.client.request(
    withDigest(location, blob.digest),
    { method: 'PUT', headers: { 'content-length': '0' } },
    repo.scopes
  )
  if (response.status !== 201 && response.status !== 204) {
    const retryAfter = response.headers.get('retry-after')
    const error = await refusal(repo, response, 'uploading blob', true, blob.digest)
    if (error.status === 401 || lostSession(error)) throw new RetryableAnswer(error, retryAfter)
    throw error
  }
  await discard(response)
  checkStored(repo, blob, response)
}

async function startUpload(repo: RepoHandle, digest: string): Promise<UploadSession> {
  const path = apiPath(repo, 'blobs/uploads/')
  const response = await repo.client.request(path, { method: 'POST' }, repo.scopes)
  const session = sessionOf(response, `${repo.client.baseUrl}${path}`)
  if (!session) throw await refusal(repo, response, 'uploading blob', true, digest)
  await discard(response)
  return session
}

/** The session a POST to `blobs/uploads/` opened: a 202 with a Location; else undefined. */
export function sessionOf(response: Response, requestUrl: string): UploadSession | undefined {
  const location = resolveLocation(response, requestUrl)
  if (response.status !== 202 || !location) return undefined
  const minChunk = Number(response.headers.get('oci-chunk-min-length') ?? 0)
  return { location, minChunk: Number.isSafeInteger(minChunk) ? minChunk : 0 }
}

/** `Location` as given, made absolute against the URL it answered (it may be relative, or on another host). */
function resolveLocation(response: Response, requestUrl: string): string | undefined {
  const location = response.headers.get('location')
  return location ? new URL(location, requestUrl).href : undefined
}

/** Append `digest=` without re-encoding the session's own query (some are signed). */
function withDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`
}

function refusesMonolithic(error: RegistryRequestError): boolean {
  return [405, 413, 501].includes(error.status) || error.code === 'UNSUPPORTED'
}

function lostSession(error: RegistryRequestError): boolean {
  return error.code === 'BLOB_UPLOAD_UNKNOWN' || error.code === 'BLOB_UPLOAD_INVALID'
}

function checkStored(repo: RepoHandle, blob: BlobSource, response: Response): void {
  const stored = response.headers.get('docker-content-digest')
  if (stored && stored !== blob.digest)
    throw new ContentMismatchError(
      repo.client.registry,
      repo.path,
      blob.digest,
      `the registry stored the upload as ${stored}`
    )
}
