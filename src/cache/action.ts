import * as core from '@actions/core'
import { InputError, quote } from '../shared/errors.js'
import type { Inputs } from '../inputs/parse.js'
import { defaultSaveKey, restorePrefix } from '../inputs/cache.js'
import { restoreImage, saveArchive, saveImage } from './image.js'

/**
 * The action's hand-off steps. `save` ends the run: the image is in the
 * cache, nothing is logged in to or pushed. `restore` hands back the inputs
 * with the restored image as `source` (a local image loaded into the
 * daemon, or an OCI archive file), for the normal publish.
 */
export async function saveStep(inputs: Inputs, sha: string): Promise<void> {
  const source = inputs.source
  const given = inputs.cache?.key ?? ''
  const key = (id: string): string => (given !== '' ? given : defaultSaveKey(sha, id))
  let saved
  if (source?.kind === 'oci-archive') {
    const { resolveFile } = await import('../push/source-resolve.js')
    // Opened and checked whole first: a broken archive is not handed on.
    const opened = await resolveFile(source, { ...inputs.publish, platforms: [], referrers: false })
    await opened.close()
    const digest = opened.top.digest
    saved = await core.group(`Save ${source.text} to the Actions cache`, () =>
      saveArchive(source.path, digest, key)
    )
  } else {
    const image = source?.kind === 'local' ? source.image : ''
    saved = await core.group(`Save ${image} to the Actions cache`, () => saveImage(image, key))
  }
  core.info(
    saved.stored
      ? `Saved ${saved.imageId} as ${saved.key}`
      : `${saved.key} is already in the Actions cache (an earlier run of this job saved it): kept`
  )
  core.setOutput('cache-key', saved.key)
  await core.summary
    .addRaw(`### tagship\n\nImage \`${saved.imageId}\` handed off as cache key \`${saved.key}\`.\n`)
    .write()
}

/** The inputs with the restored image as source, and what removes the restored file afterwards. */
export async function restoreStep(
  inputs: Inputs,
  sha: string
): Promise<{ inputs: Inputs; cleanup: () => Promise<void> }> {
  const given = inputs.cache?.key ?? ''
  const key = given !== '' ? given : restorePrefix(sha)
  const hint =
    given !== ''
      ? 'run the job with cache: save first and pass its cache-key output here; a run reads only the caches of its own branch and of the default branch'
      : `no image was saved for commit ${sha}: run a job with cache: save on this commit first, or set cache-key to the save step's cache-key output`
  const restored = await core.group(`Restore the image from the Actions cache`, () =>
    restoreImage(key, hint)
  )
  core.setOutput('cache-key', restored.key)
  if (restored.kind === 'oci-archive') {
    core.info(`Restored an OCI archive from ${restored.key}`)
    const source = {
      kind: 'oci-archive' as const,
      path: restored.path,
      text: `oci-archive:${restored.path}`
    }
    return { inputs: { ...inputs, source }, cleanup: restored.remove }
  }
  if (inputs.publish.platforms.length > 0)
    throw new InputError(
      'platforms',
      `is set, but ${quote(restored.key)} holds an image for the Docker daemon, which has one platform: save an OCI archive (source: oci-archive:PATH) in the build job, or remove platforms`
    )
  core.info(`Restored ${restored.imageId} from ${restored.key}`)
  return {
    inputs: { ...inputs, source: { kind: 'local', image: restored.imageId } },
    cleanup: async () => undefined
  }
}
