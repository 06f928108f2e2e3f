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
import type { ResolvedSource } from './source-resolve.js'

type Options = Pick<PublishOptions, 'forwardOnly' | 'concurrency'>

/**
 * Repositories per registry that hold the content after this run's earlier
 * targets: a later target on the same registry mounts from them, so each
 * blob is read from the source and uploaded once per registry.
 */
export type Landed = Map<string, string[]>

function decideAll(run: TargetRun, expected: string | undefined, options: Options): void {
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
  const from = source.content.repository
  run.manifest = source.top
  decideAll(run, source.top.digest, options)
  if (!hasWrites(run)) return env.log.info('nothing to copy: no tag needs writing')
  if (from?.registry === registry && from.path === state.repo.path)
    return env.log.info('a retag in the source repository: the content is there already')
  const mountFrom = [
    ...(from?.registry === registry ? [from.path] : []),
    ...(landed.get(registry) ?? [])
  ]
  const target = state.target.repository.name
  const stats = await copyContent(source.content, state.repo, source.top, {
    concurrency: options.concurrency,
    mountFrom,
    log: (line) => env.log.info(line),
    onBlob: (blob, how) =>
      run.events({ kind: 'blob', target, digest: blob.digest, bytes: blob.size, how }, NO_GROUP)
  })
  landed.set(registry, [...(landed.get(registry) ?? []), state.repo.path])
  env.log.info(
    `blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`
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
