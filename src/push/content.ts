import { copyContent, formatBytes } from '../distribution/copy.js'
import { getManifest } from '../distribution/manifests.js'
import type { PublishOptions } from '../inputs/parse.js'
import { decideTag } from './decide.js'
import { findLocalImage } from './docker-content.js'
import type { PlannedTag } from './plan.js'
import type { PublishEnv } from './publish.js'
import { messageOf } from '../shared/errors.js'
import { NO_GROUP } from './events.js'
import { base, settle, tagResult, type TargetRun } from './run.js'
import type { ContentPreview } from './preview-result.js'
import type { ContentImage, ResolvedSource } from './source-resolve.js'
import type { LocalUpload } from './local-upload.js'

type Options = Pick<PublishOptions, 'forwardOnly' | 'concurrency'>

/**
 * Repositories per registry that hold the content after this run's earlier
 * targets: a later target on the same registry mounts from them, so each
 * blob is read from the source and uploaded once per registry.
 */
export type Landed = Map<string, string[]>

/** Decide every tag not settled yet (see decideTag): the publish and the preview decide here. */
export function decideAll(run: TargetRun, expected: string | undefined, options: Options): void {
  for (const tag of run.state.target.tags) {
    if (run.results.has(tag.tag)) continue
    const current = run.state.current.get(tag.tag)
    run.decisions.set(
      tag.tag,
      decideTag({
        ...(current !== undefined ? { current } : {}),
        ...(expected !== undefined ? { expected } : {}),
        ...(tag.floating ? { floating: tag.floating } : {}),
        existingTags: run.state.existingTags,
        forwardOnly: options.forwardOnly
      })
    )
  }
}

/** Bring what the tags will point at to one target; on failure its writes fail with the reason. */
export async function bringContent(
  run: TargetRun,
  source: ResolvedSource,
  options: Options,
  landed: Landed,
  env: PublishEnv
): Promise<void> {
  try {
    if (source.kind === 'content') await copyTo(run, source, options, landed, env)
    else if (source.upload) await uploadLocal(run, source, source.upload, options, landed, env)
    else await pushLocal(run, source, options, env)
  } catch (e) {
    run.contentFailed = true
    failWrites(run, `the content could not be pushed: ${messageOf(e)}`)
  }
}

async function copyTo(
  run: TargetRun,
  source: Extract<ResolvedSource, { kind: 'content' }>,
  options: Options,
  landed: Landed,
  env: PublishEnv
): Promise<void> {
  const { state } = run
  const registry = state.target.repository.registry
  run.manifest = source.top
  decideAll(run, source.top.digest, options)
  const route = routeOf(run, source, landed)
  if (route.kind === 'none') return env.log.info(route.why)
  const target = state.target.repository.name
  const stats = await copyContent(source.content, state.repo, source.top, {
    concurrency: options.concurrency,
    mountFrom: route.mountFrom,
    untagged: state.existingTags.length === 0,
    log: (line) => env.log.info(line),
    onBlob: (blob, how) =>
      run.events({ kind: 'blob', target, digest: blob.digest, bytes: blob.size, how }, NO_GROUP)
  })
  landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path])
  env.log.info(
    `blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`
  )
}

/** How the content reaches a target, from the reads and the decisions: not at all (and why), or a copy. */
type Route =
  | { readonly kind: 'none'; readonly why: string }
  | { readonly kind: 'copy'; readonly mountFrom: readonly string[] }

function routeOf(run: TargetRun, source: ContentImage, landed: Landed): Route {
  const { state } = run
  const registry = state.target.repository.registry
  const from = source.content.repository
  if (!hasWrites(run)) return { kind: 'none', why: 'nothing to copy: no tag needs writing' }
  if (from?.registry === registry && from.path === state.repo.path)
    return { kind: 'none', why: 'a retag in the source repository: the content is there already' }
  const mountFrom = [
    ...(from?.registry === registry ? [from.path] : []),
    ...(landed.get(registry) ?? [])
  ]
  return { kind: 'copy', mountFrom }
}

/**
 * What bringContent would do for one target, writing nothing: the same
 * decisions, then the copy counted (blobs the target has, would mount or
 * would upload; child manifests to write), or for a local image whether the
 * docker CLI would push. Earlier targets of this run on the same registry
 * count as holding the content, as they would by then.
 */
export async function previewContent(
  run: TargetRun,
  source: ResolvedSource,
  options: Options,
  landed: Landed
): Promise<ContentPreview> {
  const { state } = run
  if (source.kind === 'local') {
    const found = await findLocalImage(state, source.imageId)
    if (found) {
      run.manifest = found
      decideAll(run, found.digest, options)
      return { kind: 'none', why: `the image is already there as ${found.digest}: no docker push` }
    }
    decideAll(run, undefined, options)
    if (!hasWrites(run)) return { kind: 'none', why: 'nothing to push: every tag is kept' }
    return source.upload ? { kind: 'upload' } : { kind: 'docker push' }
  }
  run.manifest = source.top
  decideAll(run, source.top.digest, options)
  const route = routeOf(run, source, landed)
  if (route.kind === 'none') return route
  const registry = state.target.repository.registry
  // ECR mounts across repositories only with its blob mounting setting on,
  // which takes another permission to read: counted as uploads, the most a
  // publish sends.
  const mounts = state.repo.client.provider?.kind === 'ecr' ? [] : route.mountFrom
  const stats = await copyContent(source.content, state.repo, source.top, {
    concurrency: options.concurrency,
    mountFrom: mounts,
    log: () => undefined,
    preview: { planned: landed.get(registry) ?? [] }
  })
  landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path])
  return { kind: 'copy', ...stats }
}

/**
 * A local image, uploaded by tagship: nothing when the target holds it (by
 * its image ID) or no tag needs writing; else the image from docker save,
 * compressed once for every target, copied as a file source is.
 */
async function uploadLocal(
  run: TargetRun,
  source: Extract<ResolvedSource, { kind: 'local' }>,
  upload: LocalUpload,
  options: Options,
  landed: Landed,
  env: PublishEnv
): Promise<void> {
  const found = await findLocalImage(run.state, source.imageId)
  if (found) {
    run.manifest = found
    decideAll(run, found.digest, options)
    return env.log.info(`the image is already there as ${found.digest}: nothing to upload`)
  }
  decideAll(run, undefined, options)
  if (!hasWrites(run)) return env.log.info('nothing to upload: every tag is kept')
  const image = await upload.get((line) => env.log.info(line))
  run.decisions.clear()
  await copyTo(
    run,
    { kind: 'content', content: image.content, top: image.top, referrers: [], close: image.close },
    options,
    landed,
    env
  )
}

async function pushLocal(
  run: TargetRun,
  source: Extract<ResolvedSource, { kind: 'local' }>,
  options: Options,
  env: PublishEnv
): Promise<void> {
  const { state } = run
  const found = await findLocalImage(state, source.imageId)
  if (found) {
    run.manifest = found
    decideAll(run, found.digest, options)
    return env.log.info(`the image is already there as ${found.digest}: no docker push`)
  }
  decideAll(run, undefined, options)
  const first = pushTagOf(run)
  if (!first) return env.log.info('nothing to push: every tag is kept')
  const reference = `${state.target.repository.name}:${first.tag}`
  const pushed = await env.docker!.push(source.image, reference, (line) => env.log.info(line))
  run.manifest = await getManifest(state.repo, pushed.digest)
  settle(run, tagResult(first, 'pushed', pushed.digest))
  run.decisions.delete(first.tag)
  decideAll(run, pushed.digest, options)
}

/** The tag the docker CLI pushes: the first to write, preferring one that does not exist yet. */
function pushTagOf(run: TargetRun): PlannedTag | undefined {
  const writes = run.state.target.tags.filter((t) => run.decisions.get(t.tag)?.action === 'write')
  return writes.find((t) => !run.state.current.has(t.tag)) ?? writes[0]
}

function failWrites(run: TargetRun, detail: string): void {
  for (const tag of run.state.target.tags) {
    if (run.results.has(tag.tag)) continue
    const d = run.decisions.get(tag.tag)
    if (d !== undefined && d.action !== 'write') continue
    settle(run, { ...base(tag), status: 'failed', detail })
  }
}

function hasWrites(run: TargetRun): boolean {
  return [...run.decisions.values()].some((d) => d.action === 'write')
}
