import { createHash, type Hash } from 'node:crypto'
import { digestAlgorithm } from './digest.js'
import { ContentMismatchError } from './errors.js'
import { apiPath, refusal, type RepoHandle } from './repo.js'

/**
 * Stream a blob (following a redirect to object storage, without
 * credentials). The stream errors if the bytes are not `size` long or do not
 * hash to `digest`, so nothing unverified is passed on in silence; `hash:
 * false` checks the size only, for bytes on their way to a registry, which
 * refuses an upload whose digest is wrong (hashing a 1 GiB layer on the way
 * costs seconds of CPU).
 */
export async function openBlob(
  repo: RepoHandle,
  descriptor: { digest: string; size: number },
  options: { readonly hash?: boolean } = {}
): Promise<ReadableStream<Uint8Array>> {
  const { digest, size } = descriptor
  const response = await repo.client.request(apiPath(repo, `blobs/${digest}`), {}, repo.scopes)
  if (!response.ok) throw await refusal(repo, response, 'downloading blob', false, digest)
  const mismatch = (detail: string) =>
    new ContentMismatchError(repo.client.registry, repo.path, digest, detail)
  const length = response.headers.get('content-length')
  if (length !== null && Number(length) !== size) {
    await response.body?.cancel()
    throw mismatch(`the registry sent ${length} bytes where the manifest says ${size}`)
  }
  const body = response.body ?? new Blob([]).stream()
  return body.pipeThrough(verifier(digest, size, mismatch, options.hash !== false))
}

/** A size and digest check on a stream of bytes. */
function verifier(
  digest: string,
  size: number,
  mismatch: (detail: string) => Error,
  hashing: boolean
): TransformStream<Uint8Array, Uint8Array> {
  const algorithm = digestAlgorithm(digest)
  const hash: Hash | undefined = algorithm && hashing ? createHash(algorithm) : undefined
  let received = 0
  return new TransformStream({
    transform(chunk, controller) {
      received += chunk.length
      if (received > size) throw mismatch(`more than the ${size} bytes the manifest says arrived`)
      hash?.update(chunk)
      controller.enqueue(chunk)
    },
    flush() {
      if (received !== size)
        throw mismatch(`${received} bytes arrived where the manifest says ${size}`)
      const got = hash ? `${algorithm}:${hash.digest('hex')}` : digest
      if (got !== digest) throw mismatch(`the bytes hash to ${got}`)
    }
  })
}
