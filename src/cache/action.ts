import * as core from '@actions/core'
import type { Inputs } from '../inputs/parse.js'
import { defaultSaveKey, restorePrefix } from './handoff.js'
import { restoreImage, saveImage } from './image.js'

/**
 * The action's hand-off steps. `save` ends the run: the image is in the
 * cache, nothing is logged in to or pushed. `restore` hands back the inputs
 * with the loaded image as a local `source`, for the normal publish.
 */
export async function saveStep(inputs: Inputs, sha: string): Promise<void> {
  const image = inputs.source?.kind === 'local' ? inputs.source.image : ''
  const given = inputs.cache?.key ?? ''
  const saved = await core.group(`Save ${image} to the Actions cache`, () =>
    saveImage(image, (id) => (given !== '' ? given : defaultSaveKey(sha, id)))
  )
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

export async function restoreStep(inputs: Inputs, sha: string): Promise<Inputs> {
  const given = inputs.cache?.key ?? ''
  const key = given !== '' ? given : restorePrefix(sha)
  const hint =
    given !== ''
      ? 'run the job with cache: save first and pass its cache-key output here; a run reads only the caches of its own branch and of the default branch'
      : `no image was saved for commit ${sha}: run a job with cache: save on this commit first, or set cache-key to the save step's cache-key output`
  const restored = await core.group(`Restore the image from the Actions cache`, () =>
    restoreImage(key, hint)
  )
  core.info(`Restored ${restored.imageId} from ${restored.key}`)
  core.setOutput('cache-key', restored.key)
  return { ...inputs, source: { kind: 'local', image: restored.imageId } }
}
