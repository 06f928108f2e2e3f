import { formatBytes } from '../distribution/copy.js'
import type { GzippedImage } from '../archive/gzip-layers.js'
import type { SavedImage } from '../docker/save.js'

/**
 * A local image as tagship uploads it (`local-push: upload`): saved with
 * `docker save`, opened as a docker-archive, its layers compressed once.
 * Made on the first target that needs it, then shared by every target, so
 * each layer is read and compressed once whatever the number of registries;
 * a run where every target has the image already (a re-run) saves nothing.
 */
export interface LocalUpload {
  /** The image ready to copy; `log` hears how long saving and compressing took. */
  get(log: (line: string) => void): Promise<GzippedImage>
  /** Remove the saved tar and the compressed layers, if they were made. */
  close(): Promise<void>
}

export function localUpload(
  image: string,
  imageId: string,
  make: {
    readonly save: (image: string, imageId: string) => Promise<SavedImage>
    readonly dir: string
    readonly concurrency: number
  }
): LocalUpload {
  let made: Promise<{ saved: SavedImage; gzipped: GzippedImage }> | undefined
  const build = async (log: (line: string) => void) => {
    const started = Date.now()
    const saved = await make.save(image, imageId)
    try {
      // One after the other: Jest's module linker fails on two at once that share a module.
      const { openFileImage } = await import('../archive/open.js')
      const { gzipLayers } = await import('../archive/gzip-layers.js')
      const text = `docker save ${image}`
      const file = await openFileImage({ kind: 'docker-archive', path: saved.path, text })
      log(`${text}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
      const gzipped = await gzipLayers(file, { dir: make.dir, concurrency: make.concurrency })
      const { layers, bytesIn, bytesOut, ms } = gzipped.stats
      log(
        `${layers} layer(s) compressed once for every registry: ${formatBytes(bytesIn)} to ${formatBytes(bytesOut)} in ${(ms / 1000).toFixed(1)} s`
      )
      return { saved, gzipped }
    } catch (e) {
      await saved.remove()
      throw e
    }
  }
  return {
    get: async (log) => {
      made ??= build(log)
      return (await made).gzipped
    },
    close: async () => {
      const done = await made?.catch(() => undefined)
      if (!done) return
      await done.gzipped.close()
      await done.saved.remove()
    }
  }
}
