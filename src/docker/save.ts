import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { dockerFailure, runDocker } from './image.js'

/** A `docker save` tar of one local image, in a folder of its own; `remove` deletes both. */
export interface SavedImage {
  readonly path: string
  remove(): Promise<void>
}

/**
 * `docker save` the image the daemon knows by `imageId` (so exactly the image
 * that was inspected) into a new folder under `dir`. `image` is the name the
 * user gave, for errors.
 */
export async function dockerSave(
  image: string,
  imageId: string,
  dir: string,
  options: { configDir?: string } = {}
): Promise<SavedImage> {
  const folder = await mkdtemp(join(dir, 'tagship-save-'))
  const remove = () => rm(folder, { recursive: true, force: true })
  const path = join(folder, 'image.tar')
  try {
    const result = await runDocker(['save', '--output', path, imageId], options)
    if (result.exitCode !== 0) throw dockerFailure(`docker save ${image}`, image, result)
  } catch (e) {
    await remove()
    throw e
  }
  return { path, remove }
}
