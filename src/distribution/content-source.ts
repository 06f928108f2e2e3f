import { openBlob } from './blob-download.js'
import { getManifest, type RawManifest } from './manifests.js'
import type { Descriptor } from './media-types.js'
import type { RepoHandle } from './repo.js'

/**
 * Where the bytes of an image come from: a repository on a registry, an OCI
 * image layout (a folder or a tar of one), or a `docker save` tar. The copy,
 * the referrers and the verification read through this and never branch on
 * the kind of source.
 */
export interface ContentSource {
  /** For the log: `oci-archive:/tmp/image.tar`, `127.0.0.1:5000/src/app`. */
  readonly name: string
  /** A manifest the source holds, by digest, with its exact bytes. */
  manifest(digest: string): Promise<RawManifest>
  /**
   * A blob's bytes as a stream that fails when they are not `size` long or do
   * not hash to `digest`. Called again for every upload attempt. With
   * `toRegistry`, the bytes go to a registry, which checks the digest of every
   * upload itself: a source may then check the size alone.
   */
  openBlob(
    descriptor: Descriptor,
    options?: { readonly toRegistry?: boolean }
  ): Promise<ReadableStream<Uint8Array>>
  /** A repository on a registry: a target on the same registry can mount blobs from it. */
  readonly repository?: { readonly registry: string; readonly path: string }
}

/** A repository on a registry, read with the client's credentials. */
export function registryContent(repo: RepoHandle): ContentSource {
  return {
    name: `${repo.client.registry}/${repo.path}`,
    manifest: (digest) => getManifest(repo, digest),
    openBlob: (descriptor, options) =>
      openBlob(repo, descriptor, { hash: options?.toRegistry !== true }),
    repository: { registry: repo.client.registry, path: repo.path }
  }
}
