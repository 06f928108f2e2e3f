import { retriesOf, type RegistryClient } from './client.js'
import { readRegistryError, RegistryRequestError, type RequestContext } from './errors.js'
import { repositoryScope } from './scope.js'

/** One repository on one registry, with the token scopes every request on it uses. */
export interface RepoHandle {
  readonly client: RegistryClient
  /** The path inside the registry: `acme/app`. */
  readonly path: string
  /** Scopes for every request on this repository (a target: pull,push; a source: pull). */
  readonly scopes: readonly string[]
}

export function repoHandle(
  client: RegistryClient,
  path: string,
  access: 'pull' | 'push'
): RepoHandle {
  return { client, path, scopes: [repositoryScope(path, access === 'push' ? 'pull,push' : 'pull')] }
}

/** `/v2/acme/app/<rest>` */
export function apiPath(repo: RepoHandle, rest: string): string {
  return `/v2/${repo.path}/${rest}`
}

/** Turn a refusal into the error that explains it (consumes the body). */
export async function refusal(
  repo: RepoHandle,
  response: Response,
  action: string,
  write: boolean,
  reference?: string
): Promise<RegistryRequestError> {
  const context: RequestContext = {
    registry: repo.client.registry,
    repository: repo.path,
    ...(reference === undefined ? {} : { reference }),
    action,
    write,
    ...(repo.client.provider ? { provider: repo.client.provider.kind } : {})
  }
  const { code, message } = await readRegistryError(response)
  return new RegistryRequestError(context, {
    status: response.status,
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    retries: retriesOf(response)
  })
}
