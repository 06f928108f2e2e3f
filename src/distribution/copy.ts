import { uploadBlob, type UploadSession } from './blob-upload.js'
import { hasBlob, mountBlob } from './blobs.js'
import type { ContentSource } from './content-source.js'
import { headManifest, putManifest, type RawManifest } from './manifests.js'
import { manifestChildren, type Descriptor } from './media-types.js'
import type { RepoHandle } from './repo.js'
import { repositoryScope } from './scope.js'
import { allLimited } from '../shared/limit.js'

export interface CopyOptions {
  /** Blob and manifest transfers at once. */
  readonly concurrency: number
  /**
   * Repositories on the target's registry that hold the blobs already (the
   * source, or a target written earlier in this run): each blob is mounted
   * from the first that has it instead of being uploaded again.
   */
  readonly mountFrom?: readonly string[]
  /**
   * The target repository has no tag (a new one, as a rule), so it is not
   * asked for each blob and child manifest first. Each blob is offered as a
   * mount from the `mountFrom` repositories, then from the target itself,
   * which links it (201) when the target holds it (an interrupted run's) and
   * otherwise opens the upload session the bytes then go through: one request
   * a blob instead of a HEAD and a POST. Child manifests are written without
   * a HEAD (a PUT of what is there changes nothing). A preview still asks.
   */
  readonly untagged?: boolean
  readonly log: (line: string) => void
  /**
   * Blob transfers to this target already started, shared by copies that run
   * at the same time (several referrers with the same empty config): a blob
   * is uploaded once, never by two requests at once, which Distribution
   * answers with a broken state (DIGEST_INVALID on a manifest PUT).
   */
  readonly transfers?: Map<string, Promise<void>>
  /** Told of every blob once it is on the target, and how it got there. */
  readonly onBlob?: (blob: Descriptor, how: 'uploaded' | 'mounted' | 'already there') => void
  /**
   * Count what the copy would do and write nothing: the tree is read as for
   * a copy (HEADs on the target, the source's manifests), and a blob the
   * target lacks counts as mounted when a `mountFrom` repository has it (a
   * HEAD there, where the copy would POST a mount) or is one of `planned`
   * (earlier targets of this run, which would hold every blob by then), else
   * as uploaded. Nothing is logged or told per blob.
   */
  readonly preview?: { readonly planned: readonly string[] }
}

/** What a copy did (or, in a preview, would do), for the log and the closing numbers. */
export interface CopyStats {
  blobsPresent: number
  blobsMounted: number
  blobsUploaded: number
  bytesUploaded: number
  manifestsPresent: number
  manifestsWritten: number
}

/**
 * Make everything `top` refers to exist in `target`: the blobs of an image,
 * or for an index every child manifest (by digest, with its blobs). `top`
 * itself is not written: tags are, afterwards, so no tag ever points at
 * content that is not there.
 */
export async function copyContent(
  source: ContentSource,
  target: RepoHandle,
  top: RawManifest,
  options: CopyOptions
): Promise<CopyStats> {
  const stats: CopyStats = {
    blobsPresent: 0,
    blobsMounted: 0,
    blobsUploaded: 0,
    bytesUploaded: 0,
    manifestsPresent: 0,
    manifestsWritten: 0
  }
  // A layer shared by several platforms is transferred once.
  const blobs = options.transfers ?? new Map<string, Promise<void>>()
  const mountFrom = (options.mountFrom ?? []).filter((path) => path !== target.path)
  const mountRepo: RepoHandle = {
    client: target.client,
    path: target.path,
    scopes: [...target.scopes, ...mountFrom.map((path) => repositoryScope(path, 'pull'))]
  }

  const written = new Set<string>()
  const copyBlob = (blob: Descriptor): Promise<void> => {
    let done = blobs.get(blob.digest)
    if (!done) {
      done = transferBlob(blob)
      blobs.set(blob.digest, done)
    }
    return done
  }

  const asks = !options.untagged || options.preview !== undefined
  const transferBlob = async (blob: Descriptor): Promise<void> => {
    if (asks && (await hasBlob(target, blob.digest))) {
      stats.blobsPresent++
      options.onBlob?.(blob, 'already there')
      return
    }
    if (options.preview) return countBlob(blob, options.preview.planned)
    const open = (): Promise<ReadableStream<Uint8Array>> =>
      source.openBlob(blob, { toRegistry: true })
    const offers = asks ? mountFrom : [...mountFrom, target.path]
    // Offered to the untagged target alone, the blob is all but certain to be
    // uploaded: its source opens beside the offer, a round trip less.
    const early = offers.length === 1 && offers[0] === target.path ? openedOnce(open) : undefined
    let session: UploadSession | undefined
    for (const from of offers) {
      const answer = await mountBlob(mountRepo, blob.digest, from)
      if (answer.mounted) early?.drop()
      if (answer.mounted && from === target.path) {
        stats.blobsPresent++
        options.onBlob?.(blob, 'already there')
        return
      }
      if (answer.mounted) {
        stats.blobsMounted++
        options.log(`mounted ${short(blob.digest)} from ${from}`)
        options.onBlob?.(blob, 'mounted')
        return
      }
      session = answer.session ?? session
    }
    await uploadBlob(
      target,
      {
        digest: blob.digest,
        size: blob.size,
        // The target checks the digest of the upload: the source need not hash it too.
        open: async () => withProgress(await (early?.take() ?? open()), blob, options.log)
      },
      session
    )
    stats.blobsUploaded++
    stats.bytesUploaded += blob.size
    options.log(`uploaded ${short(blob.digest)} (${formatBytes(blob.size)})`)
    options.onBlob?.(blob, 'uploaded')
  }

  /** A preview's answer for a blob the target lacks: mounted from a repository that has it, or uploaded. */
  const countBlob = async (blob: Descriptor, planned: readonly string[]): Promise<void> => {
    for (const from of mountFrom) {
      const holder: RepoHandle = {
        client: target.client,
        path: from,
        scopes: [repositoryScope(from, 'pull')]
      }
      if (planned.includes(from) || (await hasBlob(holder, blob.digest))) {
        stats.blobsMounted++
        return
      }
    }
    stats.blobsUploaded++
    stats.bytesUploaded += blob.size
  }

  // Read the tree first: which child manifests the target lacks (HEADs and
  // reads side by side), and every blob they and `top` need. Then every blob
  // of every platform at once (as wide as `concurrency`), then the child
  // manifests, deepest first: a manifest is written only when everything it
  // refers to is there, as the registry demands.
  const toWrite: { manifest: RawManifest; child: Descriptor; depth: number }[] = []
  const needed: Descriptor[] = []
  const width = options.concurrency * 4
  const walk = async (manifest: RawManifest, depth: number): Promise<void> => {
    const { manifests: children, blobs: own } = manifestChildren(manifest)
    needed.push(...own)
    await allLimited(children, width, async (child) => {
      if (asks && (await headManifest(target, child.digest))) {
        stats.manifestsPresent++
        return
      }
      const childManifest = await source.manifest(child.digest)
      await walk(childManifest, depth + 1)
      toWrite.push({ manifest: childManifest, child, depth: depth + 1 })
    })
  }
  await walk(top, 0)
  const unique = [...new Map(needed.map((d) => [d.digest, d])).values()]
  await allLimited(unique, options.concurrency, copyBlob)
  const depths = [...new Set(toWrite.map((w) => w.depth))].sort((x, y) => y - x)
  for (const depth of depths) {
    const level = toWrite.filter((w) => w.depth === depth && !written.has(w.child.digest))
    for (const w of level) written.add(w.child.digest)
    await allLimited(level, width, async ({ manifest, child }) => {
      if (options.preview) {
        stats.manifestsWritten++
        return
      }
      await putManifest(target, child.digest, manifest)
      stats.manifestsWritten++
      options.log(`wrote manifest ${short(child.digest)}${platformText(child)}`)
    })
  }
  return stats
}

/**
 * A source opened ahead of its use: `take` gives it once (later calls get
 * undefined, and open anew); `drop` cancels it when it is not needed.
 */
function openedOnce(open: () => Promise<ReadableStream<Uint8Array>>): {
  take: () => Promise<ReadableStream<Uint8Array>> | undefined
  drop: () => void
} {
  let pending: Promise<ReadableStream<Uint8Array>> | undefined = open()
  // A failure is the taker's to see; one nobody takes is not an unhandled rejection.
  pending.catch(() => undefined)
  return {
    take: () => {
      const given = pending
      pending = undefined
      return given
    },
    drop: () => {
      const dropped = pending
      pending = undefined
      void dropped?.then((s) => s.cancel()).catch(() => undefined)
    }
  }
}

/** Blobs at least this large say how far their transfer got, every quarter. */
const PROGRESS_MIN_BYTES = 32 * 1024 * 1024

/**
 * Count the bytes of a large blob as they pass, so a long transfer shows
 * progress in the log instead of minutes of silence.
 */
function withProgress(
  stream: ReadableStream<Uint8Array>,
  blob: Descriptor,
  log: (line: string) => void
): ReadableStream<Uint8Array> {
  if (blob.size < PROGRESS_MIN_BYTES) return stream
  let seen = 0
  let quarter = 0
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        while (quarter < 3 && seen >= ((quarter + 1) * blob.size) / 4) {
          quarter++
          log(`${short(blob.digest)}: ${quarter * 25}% of ${formatBytes(blob.size)}`)
        }
        controller.enqueue(chunk)
      }
    })
  )
}

function platformText(d: Descriptor): string {
  const p = d.platform
  if (!p) return ''
  return ` (${[p.os, p.architecture, p.variant].filter(Boolean).join('/')})`
}

export function short(digest: string): string {
  return digest.slice(0, 19)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}
