import { randomBytes } from 'node:crypto'
import { RegistryClient } from '../../src/distribution/client.js'
import { repoHandle, type RepoHandle } from '../../src/distribution/repo.js'
import type { Referrer } from '../../src/referrers/types.js'
import {
  seedImage,
  seedIndex,
  type SeededManifest,
  type SeedTarget
} from '../../__fixtures__/services/oci-seed.js'

export const AMD64 = { os: 'linux', architecture: 'amd64' }
export const ARM64 = { os: 'linux', architecture: 'arm64', variant: 'v8' }

/** Layers for a two-platform image: the same buffers give the same digests in any registry. */
export function imageLayers(): [Buffer, Buffer] {
  return [randomBytes(2048), randomBytes(2048)]
}

export interface TwoPlatformImage {
  readonly index: SeededManifest
  readonly amd64: SeededManifest
  readonly arm64: SeededManifest
  /** The index first, then the platform manifests: discovery's subjects. */
  readonly subjects: string[]
}

/** Push a two-platform image index under `tag`. */
export async function seedTwoPlatforms(
  target: SeedTarget,
  repo: string,
  layers: readonly [Buffer, Buffer],
  tag = 'build'
): Promise<TwoPlatformImage> {
  const amd64 = await seedImage(target, repo, { layers: [layers[0]], platform: AMD64 })
  const arm64 = await seedImage(target, repo, { layers: [layers[1]], platform: ARM64 })
  const index = await seedIndex(target, repo, tag, [
    { manifest: amd64, platform: AMD64 },
    { manifest: arm64, platform: ARM64 }
  ])
  return { index, amd64, arm64, subjects: [index.digest, amd64.digest, arm64.digest] }
}

/** A repository on a loopback registry, through tagship's client; retries never wait. */
export function repoOn(
  host: string,
  path: string,
  access: 'pull' | 'push',
  creds?: { username: string; password: string }
): RepoHandle {
  const client = new RegistryClient(host, creds, () => undefined, { sleep: async () => undefined })
  return repoHandle(client, path, access)
}

/** What a test asserts of a referrer: everything but the bytes. */
export function shape(r: Referrer) {
  return {
    digest: r.manifest.digest,
    subject: r.subject,
    kind: r.kind,
    via: r.via,
    artifactType: r.artifactType
  }
}
