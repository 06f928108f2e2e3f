import type { ContentSource } from '../distribution/content-source.js'
import { digestAlgorithm } from '../distribution/digest.js'
import {
  manifestChildren,
  MANIFEST_MEDIA_TYPES,
  type Descriptor,
  type Platform
} from '../distribution/media-types.js'
import type { BlobMap } from './content.js'
import { damaged, shortDigest, sourceError } from './problems.js'
import type { FileStore } from './store.js'

/** A descriptor to check, and how the image reaches it (for the error). */
export interface Needed {
  readonly descriptor: Descriptor
  /** `layer 2 of manifest sha256:0123456789ab`, `listed in index.json`. */
  readonly role: string
  /** Whose descriptor gives the size: `index.json`, `manifest sha256:0123456789ab`. */
  readonly owner: string
}

export interface Reachable {
  readonly text: string
  readonly store: FileStore
  readonly blobs: BlobMap
  readonly manifest: ContentSource['manifest']
}

/** Blobs hashed at once while checking a folder. */
const HASHING = 4

/**
 * Check everything reachable from `roots` (an index's manifests, a manifest's
 * config and layers) before anything is published: each blob is there, has
 * its descriptor's size and hashes to its name. Foreign and non-distributable
 * layers may be absent. With `follow: false`, only the roots themselves.
 */
export async function checkReachable(
  image: Reachable,
  roots: readonly Needed[],
  options: { readonly follow?: boolean } = {}
): Promise<void> {
  const { text, store, blobs } = image
  const seen = new Set<string>()
  const leaves: { needed: Needed; path: string }[] = []
  for (let queue = [...roots]; queue.length > 0;) {
    const next: Needed[] = []
    for (const needed of queue) {
      const d = needed.descriptor
      if (seen.has(d.digest)) continue
      seen.add(d.digest)
      if (!blobs.mediaTypes.has(d.digest)) blobs.mediaTypes.set(d.digest, d.mediaType)
      const path = blobs.pathOf(d.digest)
      const size = path === undefined ? undefined : await store.size(path)
      if (path === undefined || size === undefined) {
        if (/nondistributable|foreign/.test(d.mediaType)) continue
        throw sourceError(
          text,
          `lacks blob ${d.digest}, ${needed.role}: the archive is incomplete; build it again`
        )
      }
      if (size !== d.size)
        throw damaged(text, `${d.digest} is ${size} bytes where ${needed.owner} says ${d.size}`)
      if (!MANIFEST_MEDIA_TYPES.includes(d.mediaType)) {
        leaves.push({ needed, path })
        continue
      }
      await checkDigest(image, d, path)
      if (options.follow !== false) next.push(...(await childrenOf(image, d)))
    }
    queue = next
  }
  await inOrder(leaves, HASHING, ({ needed, path }) => checkDigest(image, needed.descriptor, path))
}

async function checkDigest(image: Reachable, d: Descriptor, path: string): Promise<void> {
  const algorithm = digestAlgorithm(d.digest)
  if (!algorithm) return
  const actual = await image.store.digest(path, algorithm)
  if (actual !== d.digest) throw damaged(image.text, `${d.digest} hashes to ${actual}`)
}

async function childrenOf(image: Reachable, d: Descriptor): Promise<Needed[]> {
  let children: ReturnType<typeof manifestChildren>
  try {
    children = manifestChildren(await image.manifest(d.digest))
  } catch (e) {
    throw sourceError(
      image.text,
      `holds a manifest tagship cannot read (${(e as Error).message}): build the archive again`
    )
  }
  const short = shortDigest(d.digest)
  const index = `index ${short}`
  const owner = `manifest ${short}`
  return [
    ...children.manifests.map((c) => ({
      descriptor: c,
      role: `the ${platformText(c.platform)} manifest of ${index}`,
      owner: index
    })),
    ...children.blobs.map((c, i) => ({
      descriptor: c,
      role: i === 0 ? `the config of ${owner}` : `layer ${i} of ${owner}`,
      owner
    }))
  ]
}

function platformText(platform: Platform | undefined): string {
  if (!platform) return 'unnamed-platform'
  const { os, architecture, variant } = platform
  return [os, architecture, variant].filter(Boolean).join('/')
}

/**
 * Run `work` over `items`, `limit` at a time; throw the failure of the
 * earliest item, so the error does not depend on timing.
 */
async function inOrder<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  const failures = new Map<number, unknown>()
  let next = 0
  const worker = async () => {
    while (next < items.length && failures.size === 0) {
      const i = next++
      await work(items[i]!).catch((e: unknown) => failures.set(i, e))
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()))
}
