import type { RegistryClient } from '../distribution/client.js'
import { RegistryRequestError } from '../distribution/errors.js'
import { InputError, quote } from '../errors.js'
import { getManifest, type RawManifest } from '../distribution/manifests.js'
import { repoHandle, type RepoHandle } from '../distribution/repo.js'
import type { Source } from '../registry/source.js'

/** The source, found: its manifest in a registry, or its image ID in the daemon. */
export type ResolvedSource =
  | {
      readonly kind: 'registry'
      readonly registry: string
      readonly repo: RepoHandle
      readonly manifest: RawManifest
    }
  | { readonly kind: 'local'; readonly image: string; readonly imageId: string }

export interface SourceAccess {
  readonly client: (registry: string) => RegistryClient
  /** The image ID of a local image; throws when the daemon does not have it. */
  readonly imageId?: (image: string) => Promise<string>
}

export async function resolveSource(source: Source, access: SourceAccess): Promise<ResolvedSource> {
  if (source.kind === 'local') {
    if (!access.imageId) throw new Error('a local source needs the docker engine')
    return { kind: 'local', image: source.image, imageId: await access.imageId(source.image) }
  }
  const registry = source.repository.registry
  const repo = repoHandle(access.client(registry), source.repository.path, 'pull')
  const manifest = await getManifest(repo, source.digest ?? source.tag ?? 'latest').catch(
    (e: unknown) => {
      // A source that is not there is a wrong input, not a registry fault: name the input.
      if (e instanceof RegistryRequestError && e.status === 404)
        throw new InputError(
          'source',
          `${quote(source.text)} is not in the registry (${e.code ?? 'HTTP 404'}): check the tag or digest, or push the image there first`
        )
      throw e
    }
  )
  return { kind: 'registry', registry, repo, manifest }
}
