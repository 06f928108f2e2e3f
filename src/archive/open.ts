import { stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import type { ContentSource } from '../distribution/content-source.js'
import type { RawManifest } from '../distribution/manifests.js'
import type { Descriptor } from '../distribution/media-types.js'
import type { FileSource } from '../registry/source.js'
import { openDockerArchive } from './docker-archive.js'
import { openLayout, type OpenedImage } from './layout.js'
import { listText, sourceError } from './problems.js'
import { folderStore, tarStore, type FileStore } from './store.js'
import { indexTar } from './tar-index.js'

/** An image in a file (an OCI archive or layout, or a `docker save` tar), checked whole. */
export interface FileImage extends ContentSource {
  /** The manifest or index selected for publishing, exact bytes. */
  readonly top: RawManifest
  /**
   * Every top-level descriptor of the layout's index.json, with annotations
   * (the referrers code looks for artifacts among them); [] for a legacy
   * docker-archive.
   */
  readonly layoutDescriptors: readonly Descriptor[]
  /** Remove anything opening made (e.g. a decompressed temp copy of a gzip tar). Idempotent. */
  close(): Promise<void>
}

const WRITTEN_BY: Record<FileSource['kind'], string> = {
  'oci-archive': 'build-push-action writes it with outputs: type=oci,dest=PATH',
  oci: 'build-push-action writes it with outputs: type=oci,dest=DIR,tar=false',
  'docker-archive': 'build-push-action writes it with outputs: type=docker,dest=PATH'
}

/**
 * Open the image a file source names, without unpacking it: a tar is read
 * once for its table of contents (and every blob's digest), a folder's blobs
 * are hashed; the image to publish is selected, and every blob it (and the
 * layout's artifacts) needs is checked to be there and intact. Any problem
 * is an InputError about the `source` input, before anything else happens.
 */
export async function openFileImage(
  source: FileSource,
  options: { tmpDir?: string } = {}
): Promise<FileImage> {
  const { kind, path, text } = source
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
      throw sourceError(text, `does not exist: check the path; ${WRITTEN_BY[kind]}`)
    throw sourceError(text, `cannot be read (${e.message}): check the path and its permissions`)
  })
  checkKind(info, source)
  const store = kind === 'oci' ? folderStore(path) : tarStore(await indexTar(path, text, options))
  let opened: OpenedImage
  try {
    opened = await openImage(store, source)
  } catch (e) {
    await store.close()
    throw e
  }
  const { top, layoutDescriptors, content } = opened
  return {
    name: text,
    top,
    layoutDescriptors,
    manifest: content.manifest,
    openBlob: content.openBlob,
    close: () => store.close()
  }
}

function checkKind(info: Stats, source: FileSource): void {
  const { kind, path, text } = source
  if (kind === 'oci') {
    if (!info.isDirectory())
      throw sourceError(
        text,
        `is a file, not a folder: oci: reads an OCI image layout folder; for a tar, write oci-archive:${path}`
      )
    return
  }
  if (info.isDirectory())
    throw sourceError(
      text,
      `is a folder, not a file: ${kind}: reads a tar; for an OCI image layout folder, write oci:${path}`
    )
  if (!info.isFile()) throw sourceError(text, `is not a regular file: give the tar itself`)
}

/** An OCI image layout, or else (docker-archive only) a legacy `docker save` tar. */
async function openImage(store: FileStore, source: FileSource): Promise<OpenedImage> {
  const { kind, path, text } = source
  const has = async (name: string) => (await store.size(name)) !== undefined
  const index = await has('index.json')
  const layout = await has('oci-layout')
  if (index && layout) return openLayout(store, source)
  const docker = await has('manifest.json')
  if (kind === 'docker-archive' && docker) return openDockerArchive(store, source)
  if (index || layout)
    throw sourceError(
      text,
      `is not a complete OCI image layout: it has ${index ? 'index.json' : 'oci-layout'} but no ${index ? 'oci-layout' : 'index.json'}; build the archive again`
    )
  if (docker)
    throw sourceError(
      text,
      `is a docker save archive, not an OCI image layout (it has manifest.json, no index.json or oci-layout): write docker-archive:${path}`
    )
  const names = await store.topNames()
  const found = names.length === 0 ? 'it is empty' : `it holds ${listText(names, 6)}`
  throw sourceError(
    text,
    kind === 'docker-archive'
      ? `is not a docker save archive: it has no manifest.json or index.json (${found}); give the tar docker save wrote`
      : `is not an OCI image layout: it has no index.json or oci-layout (${found}); ${WRITTEN_BY[kind]}`
  )
}
