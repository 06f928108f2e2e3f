import type { RegistryClient } from '../distribution/client.js'
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
  const manifest = await getManifest(repo, source.digest ?? source.tag ?? 'latest')
  return { kind: 'registry', registry, repo, manifest }
}
