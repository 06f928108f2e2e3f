import { InputError, quote } from '../shared/errors.js'
import type { Source } from '../registry/source.js'

/**
 * The image hand-off between jobs through the Actions cache: `save` stores
 * the built image, `restore` brings it back into the daemon and publishes it.
 * Pure: parsing and keys only.
 */
export interface CacheHandoff {
  readonly mode: 'save' | 'restore'
  /** As given; empty means the default key (save) or the commit's prefix (restore). */
  readonly key: string
}

const KEY_PREFIX = 'tagship-image-'
/** The service's limits on a key (the library checks the same, later and less clearly). */
const MAX_KEY = 512

/** Read `cache` and `cache-key`, and check them against `push` and `source`. */
export function parseCacheHandoff(
  get: (name: string) => string,
  push: boolean,
  source: Source | undefined
): CacheHandoff | undefined {
  const mode = get('cache').trim().toLowerCase()
  const key = get('cache-key').trim()
  if (mode === '') {
    if (key !== '')
      throw new InputError(
        'cache-key',
        `${quote(key)} is set but cache is empty: set cache to save or restore, or remove cache-key`
      )
    return undefined
  }
  if (mode !== 'save' && mode !== 'restore')
    throw new InputError(
      'cache',
      `${quote(get('cache'))} is not a hand-off mode: use save or restore`
    )
  if (!push)
    throw new InputError(
      'cache',
      `${mode} needs the Docker daemon and the Actions cache, but push is false (no daemon, no network): remove push: false`
    )
  checkKey(key)
  if (mode === 'save' && source?.kind !== 'local' && source?.kind !== 'oci-archive')
    throw new InputError(
      'source',
      source === undefined
        ? 'is empty but cache is save: give the built local image (e.g. the imageid output of docker/build-push-action) or an OCI archive (oci-archive:PATH)'
        : source.kind === 'registry'
          ? `${quote(source.text)} is a registry reference, but cache: save stores a local image or an OCI archive: give the built image's ID or name, or oci-archive:PATH`
          : `${quote(source.text)} is not stored by cache: save, which takes a local image or an OCI archive: give oci-archive:PATH (build-push-action outputs: type=oci,dest=PATH)`
    )
  if (mode === 'restore' && source !== undefined)
    throw new InputError(
      'source',
      `is set, but cache: restore takes the image from the Actions cache: remove source`
    )
  return { mode, key }
}

function checkKey(key: string): void {
  if (key.includes(','))
    throw new InputError(
      'cache-key',
      `${quote(key)} contains a comma, which the Actions cache refuses: remove it`
    )
  if (key.length > MAX_KEY)
    throw new InputError(
      'cache-key',
      `${quote(key)} is ${key.length} characters long: the Actions cache allows at most ${MAX_KEY}`
    )
  if (/\s/.test(key))
    throw new InputError('cache-key', `${quote(key)} contains whitespace: remove it`)
}

/**
 * The key a saved image gets by default: the commit, then the first 12 hex
 * digits of the image ID (a local image) or of the index digest (an archive).
 */
export function defaultSaveKey(sha: string, imageId: string): string {
  return `${restorePrefix(sha)}${imageId.replace(/^sha256:/, '').slice(0, 12)}`
}

/** What a restore looks for by default: the newest image saved for this commit. */
export function restorePrefix(sha: string): string {
  return `${KEY_PREFIX}${sha}-`
}
