import { apiPath, refusal, type RepoHandle } from './repo.js'
import { repositoryScope } from './scope.js'
import { discard } from './discard.js'
import { sessionOf, type UploadSession } from './blob-upload.js'

/** Whether the repository has the blob (HEAD; a redirect to storage means yes). */
export async function hasBlob(repo: RepoHandle, digest: string): Promise<boolean> {
  const response = await repo.client.request(
    apiPath(repo, `blobs/${digest}`),
    { method: 'HEAD', redirect: 'manual' },
    repo.scopes
  )
  if (response.ok || (response.status >= 300 && response.status < 400)) {
    await discard(response)
    return true
  }
  if (response.status === 404) {
    await discard(response)
    return false
  }
  throw await refusal(repo, response, 'checking blob', false, digest)
}

/** What a mount request got: the blob linked, or not (with the upload session the registry opened instead, if it did). */
export type MountAnswer =
  { readonly mounted: true } | { readonly mounted: false; readonly session?: UploadSession }

/**
 * Ask the registry to link a blob from a repository it holds (no bytes
 * move); `fromPath` may be the repository itself, which asks whether it holds
 * the blob already. Mounted on 201. Anything else is not mounted: 202 (the
 * registry opened an upload session instead, as the OCI distribution spec
 * says it should: returned, so the upload can use it; one that is not used is
 * left to expire, as cancelling needs the `delete` action that push tokens
 * lack), 401/403 (the source is not readable), 400/404. The scopes gain pull
 * on `fromPath` when they lack it, as the token must cover both.
 */
export async function mountBlob(
  repo: RepoHandle,
  digest: string,
  fromPath: string
): Promise<MountAnswer> {
  const pull = repositoryScope(fromPath, 'pull')
  const covered = repo.scopes.some(
    (s) => s === pull || s === repositoryScope(fromPath, 'pull,push')
  )
  const scopes = covered ? repo.scopes : [...repo.scopes, pull]
  const query = new URLSearchParams({ mount: digest, from: fromPath })
  const path = apiPath(repo, `blobs/uploads/?${query.toString()}`)
  const response = await repo.client.request(path, { method: 'POST' }, scopes)
  await discard(response)
  if (response.status === 201) return { mounted: true }
  const session = sessionOf(response, `${repo.client.baseUrl}${path}`)
  return session ? { mounted: false, session } : { mounted: false }
}
