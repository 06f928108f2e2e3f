import {
  seedImage,
  send,
  type SeededManifest,
  type SeedTarget
} from '../../__fixtures__/services/oci-seed.js'

/**
 * What the preview tests put in the registries before a preview: images
 * pushed with plain fetch (oci-seed), so what is there does not depend on
 * the code under test.
 */

/** An image of one layer whose bytes name it, in `repo`, by digest. */
export function namedImage(
  target: SeedTarget,
  repo: string,
  name: string
): Promise<SeededManifest> {
  return seedImage(target, repo, { layers: [Buffer.from(`the layer of ${name}\n`)] })
}

/** A release as tagship would have published it: the image under every tag. */
export async function published(
  target: SeedTarget,
  repo: string,
  name: string,
  tags: readonly string[]
): Promise<SeededManifest> {
  const image = await namedImage(target, repo, name)
  for (const tag of tags) {
    const response = await send(target, repo, `/v2/${repo}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'content-type': image.mediaType },
      body: image.bytes
    })
    await response.arrayBuffer()
    if (response.status !== 201) throw new Error(`PUT ${repo}:${tag} answered ${response.status}`)
  }
  return image
}

/** The bytes of an image's config and layers, as its manifest lists them. */
export function blobBytes(manifest: SeededManifest): number {
  const m = JSON.parse(manifest.bytes.toString()) as {
    config: { size: number }
    layers: { size: number }[]
  }
  return m.config.size + m.layers.reduce((sum, l) => sum + l.size, 0)
}

/** `sha256:` and 12 hex digits, as the preview writes digests. */
export const short = (digest: string): string => digest.slice(0, 19)
