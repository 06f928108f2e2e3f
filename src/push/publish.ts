import type { RegistryClient } from '../distribution/client.js'
import { copyContent, formatBytes, short } from '../distribution/copy.js'
import {
  getManifest,
  headManifest,
  putManifest,
  type RawManifest
} from '../distribution/manifests.js'
import type { PublishOptions } from '../inputs/parse.js'
import type { Repository } from '../registry/reference.js'
import type { Source } from '../registry/source.js'
import { decideTag, type TagDecision } from './decide.js'
import { keptDetail } from './floating.js'
import { findLocalImage } from './docker-content.js'
import { allLimited } from './limit.js'
import type { Plan, PlannedTag } from './plan.js'
import type { PublishResult, TagResult, TargetResult } from './results.js'
import { resolveSource, type ResolvedSource } from './source-resolve.js'
import { readTarget, type TargetState } from './target-state.js'
import { tagWriteFailure } from './write-errors.js'

/** Where progress goes: the action's log groups, or the CLI's stderr. */
export interface PublishLog {
  info(line: string): void
  warning(line: string): void
  group<T>(title: string, work: () => Promise<T>): Promise<T>
}

/** The docker CLI, for a source in the local daemon. */
export interface DockerEngine {
  imageId(image: string): Promise<string>
  /** `docker tag` + `docker push` of one reference; the pushed manifest digest. */
  push(image: string, reference: string, log: (line: string) => void): Promise<{ digest: string }>
}

export interface PublishEnv {
  /** A client per registry, logged in. */
  readonly client: (registry: string) => RegistryClient
  readonly log: PublishLog
  readonly docker?: DockerEngine
  /** Called for a target with no tags yet: ECR needs its repository to exist. */
  readonly ensureRepository?: (repository: Repository) => Promise<void>
}

type Options = Pick<PublishOptions, 'forwardOnly' | 'concurrency'>

/** One target on its way: what it holds, what to write, what happened. */
interface TargetRun {
  readonly state: TargetState
  manifest?: RawManifest
  decisions: Map<string, TagDecision>
  readonly results: Map<string, TagResult>
}

/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then check every tag again.
 */
export async function publish(
  plan: Plan,
  source: Source,
  options: Options,
  env: PublishEnv
): Promise<PublishResult> {
  const { log } = env
  let resolved: ResolvedSource
  const runs: TargetRun[] = []
  try {
    resolved = await log.group(`Read the source ${plan.source ?? ''}`.trim(), async () => {
      const found = await resolveSource(source, {
        client: env.client,
        ...(env.docker ? { imageId: (image: string) => env.docker!.imageId(image) } : {})
      })
      log.info(
        found.kind === 'registry'
          ? `${found.manifest.digest} (${found.manifest.mediaType})`
          : `local image ${found.imageId}`
      )
      return found
    })
    for (const target of plan.targets) {
      const state = await log.group(`Read ${target.repository.name}`, async () => {
        const client = env.client(target.repository.registry)
        const s = await readTarget(target, client, options.concurrency)
        if (s.existingTags.length === 0) await env.ensureRepository?.(target.repository)
        log.info(describeState(s))
        return s
      })
      runs.push({ state, decisions: new Map(), results: new Map() })
    }
  } catch (e) {
    throw new Error(`${messageOf(e)}; nothing was pushed`, { cause: e })
  }

  for (const run of runs) {
    await log.group(`Content for ${run.state.target.repository.name}`, () =>
      bringContent(run, resolved, options, env)
    )
  }
  for (const run of runs) {
    await log.group(`Tags of ${run.state.target.repository.name}`, () =>
      writeTags(run, options, log)
    )
  }
  await log.group('Verify', async () => {
    for (const run of runs) await verify(run, options, log)
  })
  return result(runs, log)
}

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

async function bringContent(
  run: TargetRun,
  source: ResolvedSource,
  options: Options,
  env: PublishEnv
): Promise<void> {
  const { state } = run
  const target = state.target.repository
  try {
    if (source.kind === 'registry') {
      run.manifest = source.manifest
      decideAll(run, source.manifest.digest, options)
      if (!hasWrites(run)) return env.log.info('nothing to copy: no tag needs writing')
      const stats = await copyContent(source.repo, state.repo, source.manifest, {
        concurrency: options.concurrency,
        sameRegistry: source.registry === target.registry,
        log: (line) => env.log.info(line)
      })
      env.log.info(
        `blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`
      )
      return
    }
    const found = await findLocalImage(state, source.imageId)
    if (found) {
      run.manifest = found
      decideAll(run, found.digest, options)
      return env.log.info(`the image is already there as ${found.digest}: no docker push`)
    }
    decideAll(run, undefined, options)
    const first = pushTagOf(run)
    if (!first) return env.log.info('nothing to push: every tag is kept')
    const reference = `${target.name}:${first.tag}`
    const pushed = await env.docker!.push(source.image, reference, (line) => env.log.info(line))
    run.manifest = await getManifest(state.repo, pushed.digest)
    run.results.set(first.tag, tagResult(first, 'pushed', pushed.digest))
    run.decisions.delete(first.tag)
    decideAll(run, pushed.digest, options)
  } catch (e) {
    failWrites(run, `the content could not be pushed: ${messageOf(e)}`)
  }
}

/** The tag the docker CLI pushes: the first to write, preferring one that does not exist yet. */
function pushTagOf(run: TargetRun): PlannedTag | undefined {
  const writes = run.state.target.tags.filter((t) => run.decisions.get(t.tag)?.action === 'write')
  return writes.find((t) => !run.state.current.has(t.tag)) ?? writes[0]
}

async function writeTags(run: TargetRun, options: Options, log: PublishLog): Promise<void> {
  const pending = run.state.target.tags.filter((t) => !run.results.has(t.tag))
  // Fixed tags first, floating ones (latest, 1, 1.2, rc) after them: a
  // floating tag never points at a release whose own tag is missing. Within
  // each group the writes run in parallel: one round trip, not one per tag.
  const fixed = pending.filter((t) => !t.floating)
  const floating = pending.filter((t) => t.floating)
  await allLimited(fixed, options.concurrency, (tag) => writeTag(run, tag, log))
  // A fixed tag that did not land holds the floating ones back, or they would
  // point at a release whose own tag is missing; a re-run writes them all.
  const missing = fixed.find((t) => run.results.get(t.tag)?.status === 'failed')
  if (missing) {
    const detail = `not written: the release tag ${missing.reference} did not land, and a floating tag never points at a release without its own tag`
    for (const tag of floating) {
      if (run.decisions.get(tag.tag)?.action !== 'write') continue
      run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
      log.warning(`${tag.reference}: ${detail}`)
    }
  }
  await allLimited(
    floating.filter((t) => !run.results.has(t.tag)),
    options.concurrency,
    (tag) => writeTag(run, tag, log)
  )
}

async function writeTag(run: TargetRun, tag: PlannedTag, log: PublishLog): Promise<void> {
  const manifest = run.manifest
  const decision = run.decisions.get(tag.tag)!
  if (decision.action === 'kept') {
    log.warning(
      `${tag.reference}: kept where it is, the newer version ${decision.newer} holds it (forward-only)`
    )
    run.results.set(tag.tag, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) })
    return
  }
  if (decision.action === 'already there') {
    run.results.set(tag.tag, tagResult(tag, 'already there', manifest!.digest))
    log.info(`${tag.tag}: already there`)
    return
  }
  try {
    await putManifest(run.state.repo, tag.tag, manifest!)
    run.results.set(tag.tag, tagResult(tag, 'pushed', manifest!.digest))
    log.info(`${tag.tag}: pushed${decision.current ? ` (was ${short(decision.current)})` : ''}`)
  } catch (e) {
    const detail = tagWriteFailure(e, tag.tag, decision.current)
    run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
    log.warning(`${tag.reference}: ${detail}`)
  }
}

/** Resolve every landed tag again: it must point at the digest this run published. */
async function verify(run: TargetRun, options: Options, log: PublishLog): Promise<void> {
  const landed = [...run.results.values()].filter(
    (r) => r.status === 'pushed' || r.status === 'already there'
  )
  await allLimited(landed, options.concurrency, async (r) => {
    const head = await headManifest(run.state.repo, r.tag).catch((e: unknown) => messageOf(e))
    const now = typeof head === 'string' ? undefined : head?.digest
    if (now === r.digest) return
    const why =
      typeof head === 'string'
        ? `could not be read back: ${head}`
        : now === undefined
          ? 'is missing after the push'
          : `points at ${now}, not ${r.digest}`
    run.results.set(r.tag, { ...r, status: 'failed', detail: `verification: the tag ${why}` })
    log.warning(`${r.reference}: the tag ${why}`)
  })
  const checked = landed.length
  log.info(`${run.state.target.repository.name}: ${checked} tag(s) checked`)
}

function result(runs: readonly TargetRun[], log: PublishLog): PublishResult {
  const targets: TargetResult[] = runs.map((run) => ({
    repository: run.state.target.repository,
    ...(run.manifest ? { digest: run.manifest.digest } : {}),
    tags: run.state.target.tags.map((t) => run.results.get(t.tag)!)
  }))
  const digests = [...new Set(targets.flatMap((t) => (t.digest ? [t.digest] : [])))]
  if (digests.length > 1)
    log.warning(
      `the targets hold different digests (${digests.join(', ')}): the docker CLI compressed the layers differently per registry`
    )
  return { digest: digests[0] ?? '', targets }
}

function failWrites(run: TargetRun, detail: string): void {
  for (const tag of run.state.target.tags) {
    if (run.results.has(tag.tag)) continue
    const d = run.decisions.get(tag.tag)
    if (d !== undefined && d.action !== 'write') continue
    run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
  }
}

function hasWrites(run: TargetRun): boolean {
  return [...run.decisions.values()].some((d) => d.action === 'write')
}

function base(tag: PlannedTag): Pick<TagResult, 'tag' | 'reference' | 'reasons'> {
  return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons }
}

function tagResult(tag: PlannedTag, status: 'pushed' | 'already there', digest: string): TagResult {
  return { ...base(tag), status, digest }
}

function describeState(s: TargetState): string {
  const planned = s.target.tags.length
  const have = s.current.size
  return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`
}

function messageOf(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e)
}
