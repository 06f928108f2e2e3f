import * as cache from '@actions/cache'
import { copyFile, mkdir, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { InputError, quote } from '../shared/errors.js'
import { dockerFailure, localImageId, runDocker } from '../docker/image.js'

/**
 * The folder handed to @actions/cache, relative to the job's working
 * directory (the workspace on a runner). The library hashes the path *as
 * written* into the entry's version and tars it relative to the workspace,
 * so a relative path inside the workspace is what lets a job on another
 * runner, with another home or temp folder, find and unpack the entry.
 */
const HANDOFF_DIR = '.tagship-handoff'
const ARCHIVE = 'image.tar'
/** An OCI archive stored as it is: restored, it is published with no daemon. */
const OCI_ARCHIVE = 'image.oci.tar'

export interface SavedImage {
  readonly key: string
  readonly imageId: string
  /** False when an earlier run of this job already stored the same key (a re-run). */
  readonly stored: boolean
}

/**
 * Save a local image to the Actions cache: `docker save` of the image ID (a
 * docker-archive tar), which the library tars and compresses (zstd when the
 * runner has it, else gzip) and uploads under `key(imageId)`.
 */
export async function saveImage(
  image: string,
  key: (imageId: string) => string
): Promise<SavedImage> {
  const imageId = await localImageId(image)
  const cacheKey = key(imageId)
  const dir = resolve(HANDOFF_DIR)
  await mkdir(dir, { recursive: true })
  try {
    // By ID, so the archive carries no tag: loading it elsewhere never moves a name.
    const saved = await runDocker(['save', '--output', join(dir, ARCHIVE), imageId])
    if (saved.exitCode !== 0) throw dockerFailure(`docker save ${image}`, image, saved)
    // The library logs and swallows every failure (it returns -1), so -1 is all we learn.
    const id = await cache.saveCache([HANDOFF_DIR], cacheKey)
    if (id !== -1) return { key: cacheKey, imageId, stored: true }
    if ((await cache.restoreCache([HANDOFF_DIR], cacheKey, [], { lookupOnly: true })) === cacheKey)
      return { key: cacheKey, imageId, stored: false }
    throw new Error(
      `cache: the Actions cache did not store the image under ${quote(cacheKey)} (see the warning above): ` +
        'check that the job runs on GitHub Actions with the cache service reachable, then re-run it'
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Save an OCI archive to the Actions cache as it is (no daemon): a copy in
 * the hand-off folder, which the library tars, compresses and uploads.
 */
export async function saveArchive(
  path: string,
  digest: string,
  key: (digest: string) => string
): Promise<SavedImage> {
  const cacheKey = key(digest)
  const dir = resolve(HANDOFF_DIR)
  await mkdir(dir, { recursive: true })
  try {
    await copyFile(path, join(dir, OCI_ARCHIVE))
    const id = await cache.saveCache([HANDOFF_DIR], cacheKey)
    if (id !== -1) return { key: cacheKey, imageId: digest, stored: true }
    if ((await cache.restoreCache([HANDOFF_DIR], cacheKey, [], { lookupOnly: true })) === cacheKey)
      return { key: cacheKey, imageId: digest, stored: false }
    throw new Error(
      `cache: the Actions cache did not store the archive under ${quote(cacheKey)} (see the warning above): ` +
        'check that the job runs on GitHub Actions with the cache service reachable, then re-run it'
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export type RestoredImage =
  | {
      readonly kind: 'local'
      /** The key that matched (the full key when a prefix was given). */
      readonly key: string
      /** `sha256:…`, as the daemon now knows it. */
      readonly imageId: string
    }
  | {
      readonly kind: 'oci-archive'
      readonly key: string
      /** The restored archive, there until `remove()`. */
      readonly path: string
      readonly remove: () => Promise<void>
    }

/**
 * Restore an image saved by `saveImage` into the daemon: the newest entry
 * whose key is `key` or starts with it, then `docker load`.
 */
export async function restoreImage(key: string, hint: string): Promise<RestoredImage> {
  const dir = resolve(HANDOFF_DIR)
  await rm(dir, { recursive: true, force: true })
  let keep = false
  try {
    const matched = await cache.restoreCache([HANDOFF_DIR], key)
    const archive = join(dir, ARCHIVE)
    const oci = join(dir, OCI_ARCHIVE)
    if (matched !== undefined && (await isFile(oci))) {
      // Published from the file with no daemon; removed once the publish is done.
      keep = true
      const remove = () => rm(dir, { recursive: true, force: true })
      return { kind: 'oci-archive', key: matched, path: oci, remove }
    }
    if (matched === undefined || !(await isFile(archive))) {
      throw new InputError(
        'cache-key',
        `no image in the Actions cache under ${quote(key)}: ${hint}`
      )
    }
    const loaded = await runDocker(['load', '--input', archive])
    if (loaded.exitCode !== 0) throw dockerFailure('docker load', archive, loaded)
    const id = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(loaded.stdout)?.[1]
    if (id === undefined)
      throw new Error(
        `docker load gave no image ID for ${quote(matched)}: ${quote(loaded.stdout.trim())}`
      )
    return { kind: 'local', key: matched, imageId: id }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true })
  }
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false
  )
}
