import { getManifest, type RawManifest } from '../distribution/manifests.js'
import type { TargetState } from './target-state.js'

/**
 * The manifest under which a local image is already in the target, found by
 * its image ID (the config digest): a re-run with the same build writes
 * nothing, though the docker CLI would push (and re-tag) it again.
 */
export async function findLocalImage(
  state: TargetState,
  imageId: string
): Promise<RawManifest | undefined> {
  for (const digest of new Set(state.current.values())) {
    const manifest = await getManifest(state.repo, digest)
    if (configDigest(manifest) === imageId) return manifest
  }
  return undefined
}

function configDigest(manifest: RawManifest): string | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(manifest.bytes)) as {
      config?: { digest?: unknown }
    }
    return typeof parsed.config?.digest === 'string' ? parsed.config.digest : undefined
  } catch {
    return undefined
  }
}
