import { apiPath, refusal, type RepoHandle } from './repo.js'
import { repositoryScope } from './scope.js'
import { discard } from './discard.js'

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

/**
 * Ask the registry to link a blob from another repository it holds (no
 * bytes move). True when mounted (201). Anything else is false and the
 * caller uploads: 202 (the registry opened an upload session instead; it is
 * left to expire, as cancelling needs the `delete` action that push tokens
 * lack), 401/403 (the source is not readable), 400/404. The scopes gain pull
 * on `fromPath` when they lack it, as the token must cover both.
 */
export async function mountBlob(
  repo: RepoHandle,
  digest: string,
  fromPath: string
): Promise<boolean> {
  const pull = repositoryScope(fromPath, 'pull')
  const covered = repo.scopes.some(
    (s) => s === pull || s === repositoryScope(fromPath, 'pull,push')
  )
  const scopes = covered ? repo.scopes : [...repo.scopes, pull]
  const query = new URLSearchParams({ mount: digest, from: fromPath })
  const path = apiPath(repo, `blobs/uploads/?${query.toString()}`)
  const response = await repo.client.request(path, { method: 'POST' }, scopes)
  await discard(response)
  return response.status === 201
}
